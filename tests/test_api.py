"""The Python API gives exactly the records the command line prints."""

import json
import re
import subprocess
import sys

import pytest

import newscli
from newscli.errors import InputError
from tests.conftest import ROOT, SEED, SEEDS
from tests.test_cli import jsonl

#: (function, its keyword options, the same options on the command line)
CASES = [
    ("parse", {}, []),
    ("parse", {"tokens": True}, ["--tokens"]),
    ("readability", {}, []),
    ("readability", {"by": "paragraph"}, ["--by", "paragraph"]),
    ("summarize", {}, []),
    (
        "summarize",
        {"words": 40, "method": "lexrank", "all": True},
        ["--words", "40", "--method", "lexrank", "--all"],
    ),
    ("quotes", {}, []),
    ("quotes", {"by": "speaker", "indirect": True}, ["--by", "speaker", "--indirect"]),
    ("quotes", {"speaker": "zarif"}, ["--speaker", "zarif"]),
    ("entities", {}, []),
    ("entities", {"type": ["person"]}, ["--type", "PERSON"]),
    ("analyze", {}, []),
    ("analyze", {"max_chars": 500, "with_text": True}, ["--max-chars", "500", "--with-text"]),
]


@pytest.mark.parametrize("name, options, flags", CASES, ids=lambda c: str(c))
@pytest.mark.parametrize("seed", [SEED, SEED.with_suffix(".html")], ids=lambda p: p.name)
def test_each_function_equals_its_command(run, name, options, flags, seed):
    text = seed.read_text(encoding="utf-8")
    [expected] = jsonl(run([name, *flags, "-"], input=text).stdout)
    assert getattr(newscli, name)(text, source="<stdin>", **options) == expected


def test_records_are_labelled_as_jsonl_inputs_are():
    record = newscli.readability("Short text. Two sentences.", id=7, title="A title", url="u")
    assert (record["source"], record["id"], record["title"], record["url"]) == (
        "<text>",
        7,
        "A title",
        "u",
    )


def test_dedupe_over_texts_and_records_equals_the_command(run, tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)))
    expected = jsonl(run(["dedupe", "--jsonl", corpus]).stdout)
    records = [{"source": f"{corpus}:{i + 1}", "id": i, "text": t} for i, t in enumerate(texts)]
    assert newscli.dedupe(records) == expected
    by_text = newscli.dedupe(texts)
    assert [r["source"] for r in by_text] == [str(i) for i in range(len(texts))]
    assert [r["kind"] for r in by_text] == [r["kind"] for r in expected]


def test_a_page_without_an_article_raises_the_commands_error():
    with pytest.raises(InputError, match="no article text found"):
        newscli.parse("<!doctype html><html><body></body></html>")


def test_bad_options_raise():
    with pytest.raises(ValueError, match="method"):
        newscli.summarize("Text.", method="magic")


def test_importing_newscli_imports_no_analysis():
    """Only the command declarations (`__all__` is derived from them) and the record types
    they name."""
    code = "import sys, newscli; print(sorted(m for m in sys.modules if m.startswith('newscli')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "['newscli', 'newscli.commands', 'newscli.schema']"


def test_the_docs_spark_recipe():
    """The mapInPandas recipe of docs/corpora.md, run on a local Spark session."""
    pyspark = pytest.importorskip("pyspark")
    pytest.importorskip("pandas")
    spark = pyspark.sql.SparkSession.builder.master("local[1]").getOrCreate()
    try:
        text = SEED.read_text(encoding="utf-8")
        df = spark.createDataFrame(
            [(0, text), (1, "Short one. It has two sentences.")], "id long, text string"
        )

        def analyze(batches):
            for batch in batches:
                batch["record"] = [
                    json.dumps(newscli.analyze(text, id=i), ensure_ascii=False)
                    for i, text in zip(batch["id"], batch["text"], strict=True)
                ]
                yield batch[["id", "record"]]

        rows = df.mapInPandas(analyze, schema="id long, record string").collect()
    finally:
        spark.stop()
    records = {row.id: json.loads(row.record) for row in rows}
    assert records[0] == json.loads(json.dumps(newscli.analyze(text, id=0)))


def test_the_api_example_prints_what_it_shows():
    """The API page's first speaker of the seed is the one `newscli.quotes` gives."""
    readme = (ROOT / "docs" / "python-api.md").read_text(encoding="utf-8")
    shown = re.search(
        r"""newscli\.quotes\(text\)\["quotes"\]\[0\]\["speaker"\] +# '(.+)'""", readme
    )
    assert shown is not None
    text = SEED.read_text(encoding="utf-8")
    assert newscli.quotes(text)["quotes"][0]["speaker"] == shown[1]
