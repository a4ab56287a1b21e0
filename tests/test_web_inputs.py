"""Web pages, crawls and compressed inputs: pages and archives written for these tests."""

import bz2
import gzip
import io
import json
import lzma
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscli.inputs import looks_like_html, split_name
from newscli.inputs.decoding import decode_page
from tests.test_cli import jsonl

BODY = [
    "The city council voted on Monday to close the Harbor Street bridge for six months of "
    "repairs, after engineers found cracks in two of its steel supports.",
    "“We cannot keep a bridge open that our own engineers call unsafe,” said Mayor Ana "
    "Ortiz. “Drivers will have a longer trip, and I am sorry for that.”",
    "What changes for drivers",
    "Buses will run on Elm Avenue instead.",
    "The work is expected to cost $4.2 million, paid from the state’s bridge fund, and "
    "should be finished by the end of the summer, officials said.",
]
TITLE = "Council closes Harbor Street bridge for repairs"


def news_page(body: list[str] = BODY, *, charset: str = "utf-8", title: str = TITLE) -> str:
    """A news page as sites write them: navigation, share bar, article with a subheading,
    related links, newsletter box and comments around the article."""
    paragraphs = "\n".join(
        f"<h2>{text}</h2>" if not text.endswith(".") and len(text) < 40 else f"<p>{text}</p>"
        for text in body
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{title} | Riverside Ledger</title>
<link rel="canonical" href="https://ledger.example/news/bridge-closure">
<meta property="og:site_name" content="Riverside Ledger">
<meta name="author" content="Sam Lee">
<meta property="article:published_time" content="2024-03-04T09:00:00Z">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a>
<a href="/opinion">Opinion</a> <a href="/weather">Weather</a></nav></header>
<main><article>
<h1>{title}</h1>
<div class="share"><a href="#">Share</a> <a href="#">Facebook</a> <a href="#">Twitter</a></div>
{paragraphs}
<aside class="related"><h3>Related</h3><ul>
<li><a href="/a">Ferry service to add a morning crossing</a></li>
<li><a href="/b">Council approves the new budget</a></li></ul></aside>
</article>
<section class="newsletter"><h2>Sign up for the morning briefing</h2>
<form><input type="email"><button>Subscribe</button></form></section>
<section id="comments"><h2>3 Comments</h2>
<div class="comment"><p>Pat: About time they fixed that bridge, it shakes every time a truck
goes over it.</p></div></section>
</main><footer>© 2024 Riverside Ledger. All rights reserved.</footer></body></html>
"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.html"
    path.write_text(news_page(), encoding="utf-8")
    return path


def test_a_page_gives_its_article_with_markup_headings_and_honest_offsets(run, page):
    result = run(["parse", page])
    assert result.exit_code == 0, result.stderr
    [record] = jsonl(result.stdout)
    assert [p["text"] for p in record["paragraphs"]] == BODY
    text = record["text"]
    for span in [record["title"], *record["paragraphs"], *record["sentences"]]:
        assert text[span["start"] : span["end"]] == span["text"]
    assert record["title"]["text"] == TITLE
    assert record["url"] == "https://ledger.example/news/bridge-closure"
    assert record["metadata"]["byline"] == "Sam Lee"
    assert record["metadata"]["date"] == "2024-03-04"
    assert record["metadata"]["site_name"] == "Riverside Ledger"
    for furniture in ("Facebook", "Ferry service", "morning briefing", "About time", "©"):
        assert furniture not in text


def test_every_command_reads_a_page(run, page):
    quotes = jsonl(run(["quotes", page]).stdout)[0]["quotes"]
    assert quotes[0]["speaker"] == "Ana Ortiz"
    entities = run(["entities", "--with-text", page])
    record = jsonl(entities.stdout)[0]
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            assert record["text"][mention["start"] : mention["end"]] == mention["text"]
    analyze = jsonl(run(["analyze", page]).stdout)[0]
    assert analyze["url"] == "https://ledger.example/news/bridge-closure"
    assert analyze["readability"]["words"] > 50


def test_text_inputs_keep_their_records(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A headline\n\nThe council met. It voted.\n", encoding="utf-8")
    record = jsonl(run(["parse", path]).stdout)[0]
    assert "text" not in record and "url" not in record
    with_text = jsonl(run(["parse", "--with-text", path]).stdout)[0]
    assert with_text["text"] == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "suffix, compress", [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)]
)
def test_compressed_pages_read_as_the_page(run, page, suffix, compress):
    packed = page.with_name(page.name + suffix)
    packed.write_bytes(compress(page.read_bytes()))
    plain, unpacked = (jsonl(run(["parse", p]).stdout)[0] for p in (page, packed))
    assert unpacked.pop("source") == str(packed)
    plain.pop("source")
    assert unpacked == plain


def test_zstd_pages_when_zstandard_is_installed(run, page):
    zstandard = pytest.importorskip("zstandard")
    packed = page.with_name(page.name + ".zst")
    packed.write_bytes(zstandard.ZstdCompressor().compress(page.read_bytes()))
    assert jsonl(run(["parse", packed]).stdout)[0]["paragraphs"][0]["text"] == BODY[0]


def test_a_directory_reads_text_pages_and_compressed_files(run, tmp_path, page):
    (tmp_path / "a.txt").write_text("One. Two.\n", encoding="utf-8")
    (tmp_path / "c.htm.gz").write_bytes(gzip.compress(page.read_bytes()))
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    result = run(["parse", tmp_path])
    assert [Path(r["source"]).name for r in jsonl(result.stdout)] == [
        "a.txt",
        "bridge.html",
        "c.htm.gz",
    ]


def test_stdin_page_by_flag_or_by_its_doctype(run, page):
    html = page.read_text(encoding="utf-8")
    by_flag = jsonl(run(["parse", "--html", "-"], input=html.split("\n", 1)[1]).stdout)[0]
    sniffed = jsonl(run(["parse"], input=html).stdout)[0]
    assert by_flag["source"] == sniffed["source"] == "<stdin>"
    assert [p["text"] for p in sniffed["paragraphs"]] == BODY
    assert by_flag["paragraphs"] == sniffed["paragraphs"]


def test_jsonl_pages_from_a_field_gzipped(run, tmp_path):
    corpus = tmp_path / "pages.jsonl.gz"
    lines = [
        {"id": "p1", "url": "https://ledger.example/1", "html": news_page()},
        {"id": "p2", "html": news_page(BODY[:2], title="Bridge to close")},
        {"id": "p3", "body": "no html field"},
    ]
    corpus.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in lines).encode()))
    result = run(["parse", "--jsonl", "--html-field", "html", corpus])
    assert result.exit_code == 1
    records = jsonl(result.stdout)
    assert [(r["id"], r["url"]) for r in records] == [
        ("p1", "https://ledger.example/1"),
        ("p2", "https://ledger.example/news/bridge-closure"),
    ]
    assert [p["text"] for p in records[1]["paragraphs"]] == BODY[:2]
    assert "pages.jsonl.gz:3: has no 'html' field; name the HTML field with --html-field" in (
        result.stderr
    )


def test_html_field_without_jsonl_is_a_usage_error(run, page):
    result = run(["parse", "--html-field", "html", page])
    assert result.exit_code == 2
    assert "--jsonl" in result.stderr


def test_dedupe_finds_one_story_on_two_pages(run, tmp_path):
    corpus = tmp_path / "pages.jsonl.gz"
    other = news_page().replace("Opinion</a>", "Opinion</a> <a href='/jobs'>Jobs</a>")
    lines = [
        {"id": "a", "html": news_page()},
        {"id": "b", "html": other},
        {"id": "c", "html": news_page(["A different story about a school board vote. " * 3])},
    ]
    corpus.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in lines).encode()))
    records = jsonl(run(["dedupe", "--jsonl", "--html-field", "html", corpus]).stdout)
    by_id = {r["id"]: r for r in records}
    assert by_id["b"]["duplicate_of"] == f"{corpus}:1"
    assert by_id["c"]["duplicate_of"] is None


# --- bad pages -------------------------------------------------------------------------


def test_bad_pages_are_one_line_each_and_the_rest_is_processed(run, tmp_path, page):
    empty = tmp_path / "empty.html"
    empty.write_text("<!doctype html><html><head><title>Home</title></head><body></body></html>")
    corrupt = tmp_path / "corrupt.html.gz"
    corrupt.write_bytes(gzip.compress(page.read_bytes())[:-40] + b"garbage!" * 5)
    cut = tmp_path / "cut.html.xz"
    cut.write_bytes(lzma.compress(page.read_bytes())[:200])
    truncated = tmp_path / "truncated.html"
    truncated.write_text(news_page()[: news_page().index(BODY[3])], encoding="utf-8")
    result = run(["parse", empty, corrupt, cut, truncated, page])
    assert result.exit_code == 1
    records = jsonl(result.stdout)
    assert [Path(r["source"]).name for r in records] == ["truncated.html", "bridge.html"]
    assert [p["text"] for p in records[0]["paragraphs"]][:2] == BODY[:2]
    errors = result.stderr.splitlines()
    assert len(errors) == 4 and "Traceback" not in result.stderr
    assert errors[0].startswith(f"newscli: {empty}: no article text found in the page; ")
    assert errors[1].startswith(f"newscli: {corrupt}: ")
    assert errors[2].startswith(f"newscli: {cut}: ends before its compressed stream does")
    assert errors[3] == "newscli: 3 of 5 inputs failed"


# --- charsets --------------------------------------------------------------------------

CAFE = "<p>Le café a fermé à l’heure.</p>"


CHARSET_CASES = [
    ((f"<html><head><meta charset='utf-8'></head><body>{CAFE}").encode(), None),
    ((f"<meta charset=windows-1252>{CAFE}").encode("cp1252"), None),
    (CAFE.encode("cp1252"), "windows-1252"),
    (CAFE.encode("cp1252"), None),
    ((f"<meta charset='utf-8'>{CAFE}").encode("cp1252"), None),
    ((f"<meta charset='klingon'>{CAFE}").encode(), None),
    (b"\xef\xbb\xbf" + CAFE.encode(), "iso-8859-1"),
    (("\ufeff" + CAFE).encode("utf-16-le"), None),
]


@pytest.mark.parametrize("data, declared", CHARSET_CASES)
def test_a_page_is_decoded_by_bom_meta_header_then_fallback(data, declared):
    assert "Le café a fermé à l’heure." in decode_page(data, "p.html", declared=declared)


def test_a_latin_1_label_is_read_as_windows_1252_as_browsers_do():
    data = "<meta charset=iso-8859-1><p>“Quoted”</p>".encode("cp1252")
    assert "“Quoted”" in decode_page(data, "p.html")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([None, "utf-8", "latin-1", "nonsense"]))
def test_decoding_a_page_never_raises(data, declared):
    assert isinstance(decode_page(data, "p.html", declared=declared), str)


def test_names_and_sniffing():
    assert split_name("crawl.warc.gz") == ("warc", ".gz")
    assert split_name("CRAWL.ARC.GZ") == ("warc", ".gz")
    assert split_name("pages.jsonl.zst") == (None, ".zst")
    assert split_name("story.HTM") == ("html", None)
    assert looks_like_html("\ufeff  <!DOCTYPE html><html>")
    assert looks_like_html("<html lang=en>")
    assert not looks_like_html("The <html> tag opens a page, the article said.")


# --- WARC ------------------------------------------------------------------------------


def write_warc(path: Path, *, gzip_records: bool = True) -> list[str]:
    """A small crawl: warcinfo, and per page a request and a response; an image, a
    redirect and a 404 page among them. Returns the pages' URLs in order."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [
        (
            "https://ledger.example/bridge",
            news_page().encode(),
            "text/html; charset=utf-8",
            "200 OK",
        ),
        (
            "https://ledger.example/logo.png",
            b"\x89PNG\r\n\x1a\n" + bytes(64),
            "image/png",
            "200 OK",
        ),
        (
            "https://ledger.example/cafe",
            news_page(
                [BODY[0], "“Le café a fermé à l’heure,” said the owner, René Roy."], charset=""
            )
            .replace('<meta charset="">', "")
            .encode("cp1252"),
            "text/html; charset=windows-1252",
            "200 OK",
        ),
        ("https://ledger.example/old", b"", "text/html", "301 Moved Permanently"),
        (
            "https://ledger.example/gone",
            b"<html><body>Not found</body></html>",
            "text/html",
            "404 Not Found",
        ),
    ]
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip_records)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for url, payload, content_type, status in pages:
            request = writer.create_warc_record(
                url,
                "request",
                payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {url} HTTP/1.1", [], is_http_request=True),
            )
            writer.write_record(request)
            headers = StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(payload), http_headers=headers
                )
            )
    return [pages[0][0], pages[2][0]]


@pytest.mark.parametrize("name, gzip_records", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_a_warc_gives_each_html_response_with_its_url_and_capture_date(
    run, tmp_path, name, gzip_records
):
    warc = tmp_path / name
    urls = write_warc(warc, gzip_records=gzip_records)
    result = run(["quotes", warc])
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout)
    assert [r["url"] for r in records] == urls
    for record in records:
        path, offset = record["source"].rsplit(":", 1)
        assert path == str(warc) and int(offset) > 0
        assert record["captured"].startswith("20")
    assert records[0]["quotes"][0]["speaker"] == "Ana Ortiz"
    assert records[1]["quotes"][0]["speaker"] == "René Roy"  # windows-1252 from the header
    assert result.stderr == f"newscli: {warc}: 2 HTML pages read; 9 other records skipped\n"


def test_a_warc_offset_finds_its_record_again(run, tmp_path):
    from warcio.archiveiterator import ArchiveIterator

    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    record = jsonl(run(["parse", warc]).stdout)[1]
    offset = int(record["source"].rsplit(":", 1)[1])
    with warc.open("rb") as stream:
        stream.seek(offset)
        found = next(iter(ArchiveIterator(stream)))
        assert found.rec_headers.get_header("WARC-Target-URI") == record["url"]


def test_a_warc_cut_mid_record_keeps_the_records_before_the_cut(run, tmp_path, page):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    second = int(jsonl(run(["parse", warc]).stdout)[1]["source"].rsplit(":", 1)[1])
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(warc.read_bytes()[: second + 600])  # inside the second page's record
    result = run(["parse", cut, page])
    assert result.exit_code == 1
    records = jsonl(result.stdout)
    assert [r["url"] for r in records] == [
        "https://ledger.example/bridge",
        "https://ledger.example/news/bridge-closure",
    ]
    assert records[-1]["source"] == str(page)
    lines = [line for line in result.stderr.splitlines() if "other records skipped" not in line]
    assert len(lines) == 2 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"newscli: {cut}: ") and "pages before it were read" in lines[0]


@pytest.mark.parametrize("name", ["crawl.arc", "crawl.arc.gz"])
def test_an_arc_file_is_read_like_a_warc(run, tmp_path, name):
    """ARC v1, the Internet Archive's format before WARC, written here by hand."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + news_page().encode()
    about = b"1 0 Tests\nURL IP-address Archive-date Content-type Archive-length\n"
    records = [
        b"filedesc://%s 0.0.0.0 20240304090000 text/plain %d\n%s\n"
        % (name.encode(), len(about), about),
        b"https://ledger.example/bridge 127.0.0.1 20240304090000 text/html %d\n%s\n"
        % (len(http), http),
    ]
    arc = tmp_path / name
    compress = gzip.compress if name.endswith(".gz") else bytes
    arc.write_bytes(b"".join(compress(record) for record in records))
    result = run(["parse", arc])
    assert result.exit_code == 0, result.stderr
    [record] = jsonl(result.stdout)
    assert record["source"] == f"{arc}:{len(compress(records[0]))}"
    assert (record["url"], record["captured"]) == (
        "https://ledger.example/bridge",
        "2024-03-04T09:00:00Z",
    )
    assert [p["text"] for p in record["paragraphs"]] == BODY
    assert result.stderr == f"newscli: {arc}: 1 HTML page read; 1 other record skipped\n"


def test_csv_rows_of_a_crawl_name_their_page(run, tmp_path):
    import csv

    warc = tmp_path / "crawl.warc.gz"
    urls = write_warc(warc)
    rows = list(csv.DictReader(io.StringIO(run(["quotes", "-f", "csv", warc]).stdout)))
    assert {row["url"] for row in rows} == set(urls)
    assert all(row["captured"] for row in rows)


def test_a_corrupt_warc_is_one_line(run, tmp_path):
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(b"\x1f\x8b" + b"not really gzip" * 20)
    result = run(["parse", bad])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"newscli: {bad}: ")
    assert "Traceback" not in result.stderr


def test_analyze_and_dedupe_over_a_warc(run, tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    analyzed = jsonl(run(["analyze", "--quiet", warc]).stdout)
    assert [r["url"] for r in analyzed] == [
        "https://ledger.example/bridge",
        "https://ledger.example/cafe",
    ]
    deduped = jsonl(run(["dedupe", warc]).stdout)
    assert [(r["url"], r["captured"]) for r in deduped] == [
        (r["url"], r["captured"]) for r in analyzed
    ]


# --- properties ------------------------------------------------------------------------

PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<h2>",
        "</h2>",
        "<li>",
        "<br>",
        "<div class='share'>Share Facebook</div>",
        "&amp; ",
        "&lt;b&gt;",
        "“Quote,” said Ana Ortiz.",
        " The council met. ",
        "<script>var x = '</p>';</script>",
        "<!-- comment -->",
        "Café ",
        "\n",
        "<table><tr><td>1</td><td>2</td></tr></table>",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=40))
def test_any_page_is_an_article_or_one_error_and_its_offsets_slice_back(pieces):
    from newscli.commands import COMMANDS
    from newscli.errors import InputError
    from newscli.inputs import Article
    from newscli.records import analyze_chunk

    html = "<!doctype html><html><body><article>" + "".join(pieces) + "</article></body></html>"
    [outcome] = analyze_chunk(COMMANDS["parse"].analysis(), [Article("fuzz.html", html, html=True)])
    if isinstance(outcome, InputError):
        assert outcome.source == "fuzz.html"
        return
    assert not isinstance(outcome, Exception), outcome
    text = outcome["text"]
    for span in [*outcome["paragraphs"], *outcome["sentences"], *outcome["dropped"]]:
        assert text[span["start"] : span["end"]] == span["text"]
