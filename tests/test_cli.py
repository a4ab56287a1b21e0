"""The command line through CliRunner: formats, inputs, errors and exit codes."""

import csv
import io
import json
import re
from pathlib import Path

import pytest

from newscli.commands import COMMANDS
from tests.conftest import ROOT, SEED

ANSI = re.compile(r"\x1b\[[0-9;]*m")
# a foreground colour: 30-37, 90-97 or 38;5/38;2 (bold and dim are not colours)
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])[;m]")
ARTICLE = "A short headline\n\nThe council met on Monday. It voted to approve the plan.\n"


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.md").write_text("Another one.\n\nIt is short. Very short.\n", encoding="utf-8")
    (tmp_path / "skip.json").write_text("{}", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command", COMMANDS)
def test_piped_output_is_json_lines_with_a_source(run, command):
    result = run([command, SEED])
    assert result.exit_code == 0, result.output
    [record] = jsonl(result.stdout)
    assert record["source"] == str(SEED)
    assert result.stderr == ""


@pytest.mark.parametrize("command", COMMANDS)
def test_terminal_output_is_a_table_that_fits_80_columns(run, command):
    result = run([command, SEED], stdout_isatty=True)
    assert result.exit_code == 0, result.output
    assert not result.stdout.lstrip().startswith("{")
    visible = ANSI.sub("", result.stdout)
    assert max(len(line) for line in visible.splitlines()) <= 80
    assert not COLOUR.search(result.stdout)  # NO_COLOR


def test_colour_only_without_no_color(run):
    coloured = run(["parse", "-f", "table", SEED], stdout_isatty=True, no_color=False)
    assert COLOUR.search(coloured.stdout)


def test_json_is_an_object_for_one_input_and_an_array_for_several(run, articles):
    one = run(["readability", "-f", "json", articles / "a.txt"])
    assert isinstance(json.loads(one.stdout), dict)
    several = run(["readability", "-f", "json", articles / "a.txt", articles / "b.md"])
    assert [r["source"] for r in json.loads(several.stdout)] == [
        str(articles / "a.txt"),
        str(articles / "b.md"),
    ]


def test_directory_reads_its_txt_and_md_files_in_order(run, articles):
    result = run(["readability", articles])
    assert [Path(r["source"]).name for r in jsonl(result.stdout)] == ["a.txt", "b.md"]


def test_csv_has_one_row_per_item_with_a_source(run, articles):
    result = run(["readability", "-f", "csv", "--by", "paragraph", articles])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(Path(r["source"]).name, r["paragraph"]) for r in rows] == [
        ("a.txt", "0"),
        ("b.md", "0"),
        ("b.md", "1"),
    ]
    parse_rows = list(csv.DictReader(io.StringIO(run(["parse", "-f", "csv", SEED]).stdout)))
    assert {r["item"] for r in parse_rows} == {"title", "dropped", "sentence"}


def test_stdin_by_dash_and_by_pipe(run):
    by_dash = run(["readability", "-"], input=ARTICLE)
    by_pipe = run(["readability"], input=ARTICLE)
    assert jsonl(by_dash.stdout) == jsonl(by_pipe.stdout)
    assert jsonl(by_pipe.stdout)[0]["source"] == "<stdin>"
    assert jsonl(by_pipe.stdout)[0]["sentences"] == 2


def test_no_input_on_a_terminal_is_a_usage_error(run):
    result = run(["readability"], stdin_isatty=True)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no input" in result.stderr


def test_unknown_option_and_bad_format_are_usage_errors(run):
    assert run(["readability", "--nope", SEED]).exit_code == 2
    assert run(["readability", "-f", "xml", SEED]).exit_code == 2
    assert run(["readability", "--encoding", "klingon", SEED]).exit_code == 2


def test_a_bom_is_accepted(run, tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    record = jsonl(run(["parse", path]).stdout)[0]
    assert record["title"] == {"text": "A short headline", "start": 0, "end": 16}


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.txt", None, "missing.txt: no such file; check the path"),
        (
            "latin1.txt",
            "Caf\xe9 news.".encode("latin-1"),
            "not valid UTF-8 (byte 0xe9 at offset 3)",
        ),
        ("binary.txt", b"abc\x00def", "contains NUL bytes"),
    ],
)
def test_a_bad_input_is_one_line_and_exit_1_and_the_rest_is_intact(
    run, articles, name, content, message
):
    bad = articles / name
    if content is not None:
        bad.write_bytes(content)
    result = run(["readability", articles / "a.txt", bad, articles / "b.md"])
    assert result.exit_code == 1
    records = jsonl(result.stdout)
    assert [Path(r["source"]).name for r in records] == ["a.txt", "b.md"]
    assert records[0] == jsonl(run(["readability", articles / "a.txt"]).stdout)[0]
    lines = result.stderr.splitlines()
    assert len(lines) == 2  # the error and the summary
    assert lines[0].startswith(f"newscli: {bad}") or lines[0].startswith("newscli: ")
    assert message in lines[0]
    assert lines[1] == "newscli: 1 of 3 inputs failed"
    assert "Traceback" not in result.stderr


def test_encoding_option_reads_other_encodings(run, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le café a fermé. Les clients sont partis.".encode("latin-1"))
    result = run(["parse", "--encoding", "latin-1", path])
    assert result.exit_code == 0
    assert jsonl(result.stdout)[0]["sentences"][0]["text"] == "Le café a fermé."


def test_empty_and_boilerplate_only_inputs_give_zero_counts(run, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "boiler.txt").write_text("Advertisement\n\nLeave a Reply\n", encoding="utf-8")
    result = run(["readability", tmp_path / "empty.txt", tmp_path / "boiler.txt"])
    assert result.exit_code == 0
    for record in jsonl(result.stdout):
        assert record["words"] == 0 and record["sentences"] == 0


def test_directory_without_articles_is_an_input_error(run, tmp_path):
    result = run(["readability", tmp_path])
    assert result.exit_code == 1
    assert "holds no article files (.txt, .md, .html" in result.stderr


def test_jsonl_carries_id_and_title_and_reports_bad_lines(run, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "a1", "title": "Given", "text": "One sentence here. Another one."})
        + "\n\n{not json\n"
        + json.dumps({"id": "a3", "body": "no text field"})
        + "\n"
        + json.dumps({"id": 4, "text": "Last one here."})
        + "\n",
        encoding="utf-8",
    )
    result = run(["readability", "--jsonl", corpus])
    assert result.exit_code == 1
    records = jsonl(result.stdout)
    assert [(r["source"], r["id"], r["title"]) for r in records] == [
        (f"{corpus}:1", "a1", "Given"),
        (f"{corpus}:5", 4, None),
    ]
    errors = result.stderr.splitlines()
    assert errors[0].startswith(f"newscli: {corpus}:3: not valid JSON")
    assert errors[1] == (
        f"newscli: {corpus}:4: has no 'text' field; name the text field with --text-field"
    )
    assert errors[2] == "newscli: 2 of 4 inputs failed"


def test_jsonl_text_field_and_stdin(run):
    line = json.dumps({"id": 1, "body": "It works. Really."}) + "\n"
    result = run(["parse", "--jsonl", "--text-field", "body"], input=line)
    assert result.exit_code == 0
    record = jsonl(result.stdout)[0]
    assert record["source"] == "<stdin>:1"
    assert [s["text"] for s in record["sentences"]] == ["It works.", "Really."]


def test_json_array_stays_valid_when_an_input_fails(run, articles):
    result = run(["parse", "-f", "json", articles / "a.txt", articles / "nope.txt"])
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)) == 1


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(run, command):
    result = run([command, "--help"])
    assert result.exit_code == 0
    assert "--format" in result.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"newscli {command}\b", readme)


def test_parse_shows_the_cores_view(run):
    record = jsonl(run(["parse", "--tokens", SEED]).stdout)[0]
    assert set(record) >= {"title", "metadata", "dropped", "paragraphs", "sentences", "tokens"}
    text = SEED.read_text(encoding="utf-8")
    for key in ("dropped", "paragraphs", "sentences", "tokens"):
        for item in record[key]:
            assert text[item["start"] : item["end"]] == item["text"]


def test_readability_by_paragraph_table(run):
    result = run(["readability", "--by", "paragraph", "-f", "table", SEED])
    assert result.exit_code == 0
    assert "grade" in result.stdout


def test_version(run):
    result = run(["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("newscli ")


def test_a_bug_on_one_input_is_reported_and_the_rest_are_written(run, articles, monkeypatch):
    from newscli.analysis import readability as analysis

    real = analysis.analyze

    def fails_on_b(document, language="en"):
        if document.text.startswith("Another"):
            raise ValueError("boom")
        return real(document, language)

    monkeypatch.setattr(analysis, "analyze", fails_on_b)
    result = run(["readability", articles / "a.txt", articles / "b.md"])
    assert result.exit_code == 1
    assert [Path(r["source"]).name for r in jsonl(result.stdout)] == ["a.txt"]
    assert result.stderr.splitlines()[0] == (
        f"newscli: {articles / 'b.md'}: internal error (ValueError: boom); "
        "rerun with --debug and report it"
    )
    assert "Traceback" not in result.stderr
    debug = run(["--debug", "readability", articles / "b.md"])
    assert "Traceback" in debug.stderr and "ValueError: boom" in debug.stderr
