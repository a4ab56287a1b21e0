"""What a demanding new user meets first when something is off (issue 30): each case a
way in that used to give the wrong message, a silent pass or the wrong value."""

import bz2
import csv
import gzip
import io
import json
import os

import pytest

import newscli
from tests.conftest import SEED

ARTICLE = "City council votes on budget\n\nThe council met on Monday. It voted 5-2.\n"


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress])
def test_compressed_standard_input_is_read(run, compress):
    plain = run(["parse"], input=ARTICLE.encode())
    packed = run(["parse"], input=compress(ARTICLE.encode()))
    assert packed.exit_code == 0, packed.stderr
    assert packed.stdout == plain.stdout


def test_compressed_jsonl_on_standard_input_is_read(run):
    lines = b'{"text": "The council met. It voted."}\n{"text": "The mayor left."}\n'
    result = run(["parse", "--jsonl"], input=gzip.compress(lines))
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [
        "<stdin>:1",
        "<stdin>:2",
    ]


def test_a_cut_compressed_standard_input_says_so(run):
    result = run(["parse"], input=gzip.compress(ARTICLE.encode() * 50)[:60])
    assert result.exit_code == 1
    assert "<stdin>: ends before its compressed stream does" in result.stderr


@pytest.mark.parametrize(("given", "code"), [("english", "en"), ("German", "de"), ("EN", "en")])
def test_a_language_may_be_named(run, given, code):
    result = run(["parse", "--lang", given], input=ARTICLE)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["language"] == code


def test_an_unknown_language_names_what_to_give(run):
    result = run(["parse", "--lang", "klingonese"], input=ARTICLE)
    assert result.exit_code == 2
    assert "give an ISO 639 code such as en, de, ru, a name such as english" in result.stderr


def test_a_json_error_says_at_once(run):
    result = run(["parse", "--jsonl"], input='{"text": "a\tb"}\n')
    assert result.exit_code == 1
    assert "not valid JSON (Invalid control character at column" in result.stderr
    assert "at at" not in result.stderr


def test_text_field_needs_jsonl(run):
    result = run(["parse", "--text-field", "body"], input=ARTICLE)
    assert result.exit_code == 2
    assert "--text-field" in result.stderr and "add --jsonl" in result.stderr


def test_csv_writes_booleans_as_json_does(run):
    text = 'Budget talks\n\n"We are done," said Mayor Ann Lee. The council agreed.\n'
    result = run(["quotes", "-f", "csv"], input=text)
    [row] = csv.DictReader(io.StringIO(result.stdout))
    assert row["in_title"] == "false"


@pytest.mark.parametrize("text", [b"The council met.", None, 42])
def test_the_api_says_it_takes_text(text):
    with pytest.raises(TypeError, match="takes an article's text as str"):
        newscli.quotes(text)


def test_the_docs_api_example_shows_what_it_returns():
    from tests.conftest import ROOT

    page = (ROOT / "docs" / "python-api.md").read_text(encoding="utf-8")
    [line] = [x for x in page.splitlines() if x.startswith('newscli.quotes(text)["quotes"][0]')]
    shown = line.split("#", 1)[1].strip().strip("'")
    assert newscli.quotes(SEED.read_text(encoding="utf-8"))["quotes"][0]["speaker"] == shown


# --- directories ---------------------------------------------------------------------


def test_jsonl_reads_a_directory_of_jsonl_files(run, tmp_path):
    shards = tmp_path / "shards"
    (shards / "2024").mkdir(parents=True)
    (shards / "a.jsonl").write_text('{"text": "The council met."}\n', encoding="utf-8")
    (shards / "2024" / "b.jsonl.gz").write_bytes(gzip.compress(b'{"text": "It voted."}\n'))
    (shards / "notes.txt").write_text("Not a corpus.", encoding="utf-8")
    result = run(["parse", "--jsonl", shards])
    assert result.exit_code == 0, result.stderr
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert sources == [f"{shards}/2024/b.jsonl.gz:1", f"{shards}/a.jsonl:1"]


def test_a_directory_without_jsonl_files_says_so(run, tmp_path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    result = run(["parse", "--jsonl", tmp_path])
    assert result.exit_code == 1
    assert "directory holds no JSONL files" in result.stderr and "--jsonl" not in result.stderr


def test_a_link_to_nothing_in_a_directory_is_a_failed_input(run, tmp_path):
    (tmp_path / "a.txt").write_text("The council met.", encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")
    result = run(["parse", tmp_path])
    assert result.exit_code == 1
    assert f"{tmp_path}/b.txt: is a link to {tmp_path}/gone.txt, which does not exist" in (
        result.stderr
    )
    assert "1 of 2 inputs failed" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_a_link_back_up_the_tree_is_walked_once(run, tmp_path):
    (tmp_path / "a.txt").write_text("The council met.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    result = run(["parse", tmp_path])
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every directory")
def test_an_unreadable_subdirectory_is_a_failed_input(run, tmp_path):
    (tmp_path / "a.txt").write_text("The council met.", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("Hidden.", encoding="utf-8")
    locked.chmod(0)
    try:
        result = run(["parse", tmp_path])
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 1
    assert f"{locked}: cannot be read (Permission denied)" in result.stderr


# --- damaged crawls ------------------------------------------------------------------


def _page_offsets(run, warc):
    return [
        int(json.loads(line)["source"].rsplit(":", 1)[1])
        for line in run(["parse", warc]).stdout.splitlines()
    ]


def test_a_damaged_gzip_member_costs_that_record_only(run, tmp_path):
    from tests.test_web_inputs import write_warc

    warc = tmp_path / "crawl.warc.gz"
    urls = write_warc(warc)
    first, second = _page_offsets(run, warc)
    data = bytearray(warc.read_bytes())
    data[first + 200 : first + 240] = bytes(40)  # inside the first page's member
    damaged = tmp_path / "damaged.warc.gz"
    damaged.write_bytes(bytes(data))
    result = run(["parse", damaged])
    assert result.exit_code == 1
    assert [json.loads(line)["url"] for line in result.stdout.splitlines()] == urls[1:]
    [error] = [line for line in result.stderr.splitlines() if "damaged record" in line]
    assert error.startswith(f"newscli: {damaged}: damaged record at byte {first} (")
    assert "reading goes on at byte" in error
    # no payload bytes: warcio's message quotes the raw record
    assert error.isprintable() and "\\x" not in error and len(error) < 200
    # one crawl is one input, whatever its pages
    assert "inputs failed" not in result.stderr


def test_a_crawls_pages_are_not_counted_as_inputs(run, tmp_path):
    from tests.test_web_inputs import write_warc

    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    missing = tmp_path / "missing.txt"
    result = run(["parse", warc, missing])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "newscli: 1 of 2 inputs failed"


# --- long pages ----------------------------------------------------------------------


def test_dedupe_reads_a_page_whose_article_comes_after_max_chars_of_markup(run, tmp_path):
    """--max-chars cuts an article's text, once extracted, in every command: dedupe cut a
    page's raw HTML, and a page with much script before its article had none left."""
    from tests.test_web_inputs import news_page

    page = news_page().replace("</head>", "<script>" + "var x = 1;\n" * 2_000 + "</script></head>")
    path = tmp_path / "long.html"
    path.write_text(page, encoding="utf-8")
    budget = str(len(page) // 2)
    parsed = run(["parse", "--max-chars", budget, path])
    assert parsed.exit_code == 0, parsed.stderr
    deduped = run(["dedupe", "--max-chars", budget, path, path])
    assert deduped.exit_code == 0, deduped.stderr
    records = [json.loads(line) for line in deduped.stdout.splitlines()]
    assert records[0]["title"] == json.loads(parsed.stdout)["title"]["text"]
    assert records[1]["duplicate_of"] is not None


def test_a_long_articles_pagerank_over_arrays_is_the_loops():
    """Past PAIRWISE_LIMIT sentences, centrality runs over numpy arrays: the same ranks."""
    import random

    from newscli.analysis import summarize

    chance = random.Random(5)
    count = 300
    graph = [{} for _ in range(count)]
    for i in range(count):
        for j in range(i + 1, min(count, i + 1 + summarize.WINDOW)):
            if chance.random() < 0.6:
                graph[i][j] = graph[j][i] = chance.random()
    by_arrays = summarize._pagerank_arrays(graph, 100, 1e-6)
    by_loops = summarize._pagerank(graph)
    assert max(abs(a - b) for a, b in zip(by_arrays, by_loops, strict=True)) < 2e-6


def test_a_long_article_compares_each_sentence_with_its_neighbours_only():
    from newscli.analysis import summarize

    vectors = [{"bridge": 1.0, f"w{i % 7}": 1.0} for i in range(summarize.PAIRWISE_LIMIT + 50)]
    graph = summarize._similarity_graph(vectors)
    assert max(len(edges) for edges in graph) == 2 * summarize.WINDOW
    short = summarize._similarity_graph(vectors[:50])
    assert max(len(edges) for edges in short) == 49  # every pair, as before


# --- real pages' metadata ------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        ("Best gadgets of the year | ZDNet", "ZDNet", None, "Best gadgets of the year"),
        ("Bridge reopens – Ledger", None, "https://www.ledger.example/x", "Bridge reopens"),
        ("BBC News - Bridge reopens", "BBC News", None, "Bridge reopens"),
        ("Site | Its motto: Bridge reopens", "Site | Its motto", None, "Bridge reopens"),
        ("Bridge reopens - Memories 80/90", "Memories 80/90", None, "Bridge reopens"),
        # a section, and a title with a dash of its own, are kept
        ("Opinion | Bridge reopens", "The Ledger", "https://ledger.example", None),
        ("Jets - Patriots: a preview", None, "https://nypost.com/x", None),
    ],
)
def test_a_pages_title_loses_the_sites_name(title, site, url, expected):
    from newscli.inputs.webpage import without_site

    assert without_site(title, site, url) == (expected or title)


@pytest.mark.parametrize(
    ("author", "site", "url", "expected"),
    [
        ("Jeff Foust Monday; November", None, None, "Jeff Foust"),
        ("Phil Helsel is a reporter", None, None, "Phil Helsel"),
        ("Jill Disis; CNN Business", "CNN", None, "Jill Disis"),
        ("Ann Roe; Ledger com", None, "https://www.ledger.example/a", "Ann Roe"),
        ("Finian Cole Sputnik International", "SputnikInt", None, "Finian Cole"),
        ("Troy Smith; Troy L Smith", None, None, "Troy Smith"),
        ("STEVE PEOPLES; AP National Political Writer", None, None, "Steve Peoples"),
        ("DANICA KIRKA; JILL LAWLESS Associated Press", None, None, "Danica Kirka; Jill Lawless"),
        ("Ilana Muhlstein; MS; RDN", None, None, "Ilana Muhlstein"),
        ("The Ledger", "The Ledger", None, None),
        ("AS", None, None, "AS"),
        ("Mike Wall", "Space.com", None, "Mike Wall"),
    ],
)
def test_a_pages_byline_is_names(author, site, url, expected):
    from newscli.inputs.webpage import byline

    assert byline(author, site, url) == expected


def test_a_pages_byline_date_and_site_are_in_its_record_table_and_report(run, tmp_path):
    from tests.conftest import SEEDS

    page = SEEDS / "iran-missiles-live-updates.html"
    [record] = [json.loads(line) for line in run(["quotes", page]).stdout.splitlines()]
    assert (record["byline"], record["date"], record["site_name"]) == (
        "Dana Whitlock",
        "2020-01-08",
        "The Meridian Post",
    )
    table = run(["analyze", "-f", "table", page], stdout_isatty=True).stdout
    assert all(piece in table for piece in ("All Eyes On", "Whitlock", "2020-01-08", "Meridian"))
    report = run(["readability", "-f", "html", page]).stdout
    assert "by Dana Whitlock · 2020-01-08 · The Meridian Post" in report
    assert "to read at 238 words a minute" in report and " s to read" not in report
    [row] = csv.DictReader(io.StringIO(run(["readability", "-f", "csv", page]).stdout))
    assert row["byline"] == "Dana Whitlock" and row["site_name"] == "The Meridian Post"
    # a text article has none of them
    [text] = [json.loads(line) for line in run(["quotes"], input=ARTICLE).stdout.splitlines()]
    assert not {"byline", "date", "site_name"} & set(text)


def test_reading_time_is_words_at_a_stated_rate():
    from newscli.render.html import reading_time

    assert reading_time(924) == "about 4 min to read at 238 words a minute"
    assert reading_time(120) == "under a minute to read at 238 words a minute"


def test_a_chinese_summary_joins_its_sentences_without_spaces(run):
    text = "北京新闻\n\n今天北京下雨了。市民们带着雨伞出门。交通受到了影响。气象台说明天会放晴。\n"
    result = run(["summarize", "--method", "lead", "-n", "2"], input=text)
    assert json.loads(result.stdout)["summary"] == "今天北京下雨了。市民们带着雨伞出门。"
    english = run(["summarize", "--method", "lead", "-n", "2"], input=ARTICLE)
    assert json.loads(english.stdout)["summary"] == "The council met on Monday. It voted 5-2."
