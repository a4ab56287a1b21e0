"""Parquet in and out: a corpus as Parquet gives the records its JSONL twin gives, and
--format parquet shards hold the JSONL shards' records, typed."""

import builtins
import gzip
import json

import pytest

from newscli.commands import RECORDS

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def _corpus(seeds):
    texts = sorted(seeds.glob("*.txt"))
    return [
        {
            "id": f"doc-{i}",
            "title": p.stem,
            "url": f"https://example.org/{i}",
            "text": p.read_text(),
        }
        for i, p in enumerate(texts)
    ]


@pytest.fixture
def twins(tmp_path, seeds):
    """The seeds as a JSONL corpus and as its Parquet twin, two rows a row group."""
    rows = _corpus(seeds)
    jsonl = tmp_path / "corpus.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    parquet = tmp_path / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(rows), parquet, row_group_size=2)
    return jsonl, parquet


def _records(output, name):
    """The records printed, their sources without the file's name."""
    records = [json.loads(line) for line in output.splitlines()]
    for record in records:
        record["source"] = record["source"].replace(name, "CORPUS")
    return records


def _without_nulls(value):
    """A record as Parquet gives it back keeps a null where JSON leaves a key out."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def test_parquet_corpus_gives_the_jsonl_records(run, twins):
    jsonl, parquet = twins
    from_jsonl = run(["analyze", "--jsonl", jsonl, "-q"])
    from_parquet = run(["analyze", "--parquet", parquet, "-q"])
    assert from_jsonl.exit_code == from_parquet.exit_code == 0
    records = _records(from_parquet.stdout, parquet.name)
    assert len(records) == len(_corpus_rows(parquet))
    assert records == _records(from_jsonl.stdout, jsonl.name)
    assert records[0]["id"] == "doc-0" and records[0]["url"] == "https://example.org/0"


def _corpus_rows(parquet):
    return pq.read_table(parquet).to_pylist()


def test_a_directory_of_parts_is_one_corpus(run, twins, tmp_path):
    jsonl, parquet = twins
    rows = _corpus_rows(parquet)
    dataset = tmp_path / "dataset"
    dataset.mkdir()
    for i in range(0, len(rows), 2):
        pq.write_table(pa.Table.from_pylist(rows[i : i + 2]), dataset / f"part-{i:05d}.parquet")
    (dataset / "_SUCCESS").write_text("")
    result = run(["parse", "--parquet", dataset, "-q"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == [r["id"] for r in rows]
    assert records[0]["source"].endswith("part-00000.parquet:1")


def test_parquet_shards_hold_the_jsonl_shards_records(run, twins, tmp_path):
    jsonl, parquet = twins
    as_jsonl, as_parquet = tmp_path / "as-jsonl", tmp_path / "as-parquet"
    first = run(["analyze", "--jsonl", jsonl, "-q", "--output-dir", as_jsonl])
    second = run(
        ["analyze", "--parquet", parquet, "-q", "--output-dir", as_parquet, "-f", "parquet"]
    )
    assert first.exit_code == second.exit_code == 0, second.stderr
    with gzip.open(as_jsonl / "corpus.jsonl.gz", "rt", encoding="utf-8") as shard:
        expected = _records(shard.read(), jsonl.name)
    table = pq.read_table(as_parquet / "corpus.parquet")
    # typed columns: sub-records are structs and lists, never JSON strings
    assert pa.types.is_list(table.schema.field("quotes").type)
    assert pa.types.is_struct(table.schema.field("readability").type)
    got = table.to_pylist()
    for record in got:
        record["source"] = record["source"].replace(parquet.name, "CORPUS")
    assert _without_nulls(got) == _without_nulls(expected)
    manifest = [
        json.loads(line) for line in (as_parquet / "manifest.jsonl").read_text().splitlines()
    ]
    assert manifest[0]["output"].endswith("corpus.parquet") and manifest[0]["records"] == len(got)
    # resumed: the finished shard is skipped
    again = run(["analyze", "--parquet", parquet, "--output-dir", as_parquet, "-f", "parquet"])
    assert again.exit_code == 0 and "1 shards done before; skipped" in again.stderr


@pytest.mark.parametrize("command", sorted(RECORDS))
def test_every_record_has_an_arrow_schema(command):
    from newscli.render.parquet import arrow_schema

    schema = arrow_schema(RECORDS[command])
    assert schema.field("source").type == pa.string()
    assert not schema.field("source").nullable


def test_numeric_ids_are_written_as_strings(tmp_path):
    from newscli.render.parquet import ParquetRecords
    from newscli.schema import DedupeRecord

    path = tmp_path / "ids.parquet"
    with ParquetRecords(str(path), (DedupeRecord,)) as out:
        out.write(
            {
                "source": "a",
                "id": 7,
                "title": None,
                "language": "en",
                "cluster": "c",
                "cluster_size": 1,
                "kind": "unique",
                "duplicate_of": None,
                "similarity": None,
            }
        )
    assert pq.read_table(path).column("id").to_pylist() == ["7"]


def test_a_missing_column_fails_that_input_only(run, twins, seeds):
    jsonl, parquet = twins
    result = run(["parse", "--parquet", "--text-field", "body", parquet, "-q"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"newscli: {parquet}: has no 'body' column (it has id, title, url, text); "
        "name the column that holds the article with --text-field\n"
    )


def test_a_corrupt_file_fails_alone(run, twins, tmp_path):
    jsonl, parquet = twins
    corrupt = tmp_path / "corrupt.parquet"
    corrupt.write_bytes(b"PAR1 not really")
    result = run(["parse", "--parquet", corrupt, parquet, "-q"])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == len(_corpus_rows(parquet))
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"newscli: {corrupt}: is not a readable Parquet file (")
    assert "--parquet reads .parquet files" in first


def test_a_null_text_fails_that_row(run, tmp_path):
    path = tmp_path / "nulls.parquet"
    pq.write_table(pa.table({"text": ["One sentence here.", None]}), path)
    result = run(["parse", "--parquet", path, "-q"])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert f"newscli: {path}:2: has no 'text' (null)" in result.stderr


def test_without_pyarrow_a_usage_error_names_the_extra(run, twins, monkeypatch):
    jsonl, parquet = twins
    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name == "pyarrow" or name.startswith("pyarrow."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    result = run(["parse", "--parquet", parquet])
    assert result.exit_code == 2
    assert "pip install 'newscli[parquet]'" in result.stderr
    result = run(["parse", "--jsonl", jsonl, "--output-dir", jsonl.parent / "o", "-f", "parquet"])
    assert result.exit_code == 2
    assert "pip install 'newscli[parquet]'" in result.stderr


def test_parquet_output_needs_an_output_dir(run, twins):
    jsonl, _ = twins
    result = run(["parse", "--jsonl", jsonl, "-f", "parquet"])
    assert result.exit_code == 2
    assert "add --output-dir DIR" in result.stderr
    result = run(["dedupe", "--jsonl", jsonl, "-f", "parquet"])
    assert result.exit_code == 2


def test_standard_input_is_no_parquet(run):
    result = run(["parse", "--parquet", "-"], input=b"x")
    assert result.exit_code == 2
    assert "not standard input" in result.stderr
