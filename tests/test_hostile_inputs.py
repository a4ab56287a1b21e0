"""Hostile inputs of every kind -- HTML, WARC, gzip, JSONL -- through the command line: any
bytes give records or one-line errors, never an internal error, a traceback or raw bytes in
a message.

CI runs a few examples of each; `make fuzz` runs NEWSCLI_FUZZ_EXAMPLES / 20 of each.
"""

import gzip
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_web_inputs import write_warc

EXAMPLES = max(10, int(os.environ.get("NEWSCLI_FUZZ_EXAMPLES", "150")) // 20)
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: pieces of markup and of what crawls and corpora hold
MARKUP = st.sampled_from(
    [
        "<html>",
        "<!doctype html>",
        "<head><title>",
        "</title>",
        '<meta charset="utf-16">',
        '<meta property="og:site_name" content="',
        '">',
        "<article>",
        "<p>",
        "</p>",
        "<script>",
        "</script>",
        "<![CDATA[",
        "<!--",
        "-->",
        "&amp;",
        "&#0;",
        "&#x110000;",
        "The council said it would vote. ",
        "\x00",
        "\ufeff",
        "\ud7ff",
        "<" * 50,
        "<div>" * 200,
    ]
)


def assert_handled(result) -> None:
    """Records or one-line errors: exit 0 or 1, nothing internal, nothing unprintable."""
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr)
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    for line in result.stderr.splitlines():
        assert line.startswith("newscli: "), line
        assert line.isprintable() and "\\x" not in line, line
        assert len(line) < 400, line


@SETTINGS
@given(st.lists(MARKUP | st.text(max_size=30), max_size=40), st.sampled_from(["utf-8", "latin-1"]))
def test_any_html_page(run, tmp_path, pieces, charset):
    page = tmp_path / "page.html"
    page.write_bytes("".join(pieces).encode(charset, errors="replace"))
    assert_handled(run(["parse", page]))


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("crawl") / "crawl.warc.gz"
    write_warc(path)
    return path.read_bytes()


@SETTINGS
@given(
    st.lists(st.tuples(st.integers(0, 10**6), st.binary(min_size=1, max_size=40)), max_size=4),
    st.none() | st.integers(0, 10**6),
)
def test_any_damage_to_a_crawl(run, tmp_path, crawl, damage, cut):
    data = bytearray(crawl)
    for where, junk in damage:
        where %= len(data)
        data[where : where + len(junk)] = junk
    if cut is not None:
        data = data[: cut % len(data)]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(bytes(data))
    assert_handled(run(["parse", path]))


@SETTINGS
@given(st.binary(max_size=200), st.integers(0, 10**4), st.booleans())
def test_any_damage_to_a_gzip_file(run, tmp_path, junk, where, jsonl):
    text = b'{"text": "The council met. It voted."}\n' * 20
    data = bytearray(gzip.compress(text))
    where %= len(data)
    data[where : where + len(junk)] = junk
    path = Path(tmp_path, "corpus.jsonl.gz" if jsonl else "article.txt.gz")
    path.write_bytes(bytes(data))
    assert_handled(run(["parse", *(["--jsonl"] if jsonl else []), path]))
    assert_handled(run(["parse", *(["--jsonl"] if jsonl else [])], input=bytes(data)))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=10,
)


@SETTINGS
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["text", "id", "title", "url", "html"]), JSON_VALUES, max_size=5
        ).map(lambda record: __import__("json").dumps(record))
        | st.text(max_size=60)
        | st.binary(max_size=60).map(lambda raw: raw.decode("latin-1")),
        max_size=8,
    )
)
def test_any_jsonl_lines(run, tmp_path, lines):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", errors="surrogateescape"))
    assert_handled(run(["parse", "--jsonl", path]))
    assert_handled(run(["analyze", "--jsonl", "--html-field", "html", path]))
