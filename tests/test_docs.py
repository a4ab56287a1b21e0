"""The docs against the code: generated parts current, every command, option and record field
documented, every link resolving, and the eval table holding every gated figure."""

import json
import re
import subprocess
import sys
from typing import get_args, get_type_hints

import pytest

from newscli import schema
from tests.conftest import ROOT
from tools import docs

README_MAX_LINES = 250


def _generated(what: str) -> str:
    """The body of the generated block `what`, wherever it is."""
    found = [
        match["body"]
        for page in docs.pages()
        for match in docs.blocks(page.read_text(encoding="utf-8"))
        if match["what"] == what
    ]
    assert len(found) == 1, f"{len(found)} generated blocks named {what!r}"
    return found[0]


def test_the_readme_is_short():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES


def test_every_generated_part_is_what_make_docs_writes():
    assert docs.stale() == [], "run make docs and commit what it rewrote"


def test_a_stale_part_is_found():
    page = "<!-- generated: options quotes (make docs) -->\nold text\n<!-- end generated -->\n"
    assert docs.regenerate(page) != page
    assert docs.regenerate(docs.regenerate(page)) == docs.regenerate(page)


@pytest.mark.parametrize("command", sorted(docs.commands()))
def test_every_command_has_its_options_documented(command):
    body = _generated(f"options {command}")
    common = _generated("common-options") if command in docs.article_commands() else ""
    for param in docs.commands()[command].params:
        if docs._is_option(param):
            for name in [*param.opts, *param.secondary_opts]:
                assert f"`{name}`" in body + common, f"{command} {name}"
        else:
            assert param.help and docs._cell(param.help) in body


def test_every_command_reading_articles_has_its_page():
    for command in docs.article_commands():
        page = (ROOT / "docs" / "commands" / f"{command}.md").read_text(encoding="utf-8")
        assert page.startswith(f"# `newscli {command}`\n")
        assert f"<!-- generated: options {command} (make docs) -->" in page
        assert f"<!-- generated: fields {command} (make docs) -->" in page


def test_the_readmes_table_lists_every_command_with_its_page():
    body = _generated("commands docs")
    for name in docs.commands():
        assert re.search(rf"^\| \[`newscli {name}`\]\(docs/[^)]+\) \| \S", body, re.M), name


def test_the_global_options_are_documented():
    body = _generated("global-options")
    for param in docs.click_app().params:
        assert f"`{max(param.opts, key=len)}`" in body


# --- the record tables -----------------------------------------------------------------

_TABLE = re.compile(r"^\| (`\w+` )?field \| type \| \|\n\|---\|---\|---\|\n((?:\|.*\|\n)+)", re.M)


def _tables(command: str) -> dict[str | None, set[str]]:
    """(None: the record, or a list field's name) -> the keys its table lists."""
    found: dict[str | None, set[str]] = {}
    for owner, rows in _TABLE.findall(_generated(f"fields {command}")):
        keys = set()
        for row in rows.splitlines():
            keys |= set(re.findall(r"`(\w+)`", row.split("|")[1]))
        found[owner.strip(" `") or None] = keys
    return found


@pytest.mark.parametrize("command", docs.article_commands())
def test_the_docs_list_exactly_each_records_keys(command):
    tables = _tables(command)
    record_types = docs.record_types(command)
    main = record_types[:1] if command == "dedupe" else record_types  # --pairs: in prose
    assert tables[None] == {key for t in main for key in schema.fields(t)}
    hints = {key: hint for t in main for key, hint in get_type_hints(t).items()}
    for owner, keys in tables.items():
        if owner is not None:
            (item,) = get_args(hints[owner])
            assert keys == set(schema.fields(item)), owner


def test_the_descriptions_are_read_from_the_schemas_comments():
    described = docs.descriptions()
    assert described["Quote"]["in_title"] == ("in_title", "whether the quotation is in the title")
    assert described["Titled"]["skipped"] == described["Titled"]["language"]
    assert described["Titled"]["language"][0] == "language language_confidence skipped"
    for owner, rows in described.items():
        assert set(rows) <= set(schema.fields(getattr(schema, owner))), owner


def _schema_edited(tmp_path, monkeypatch, old: str, new: str) -> None:
    text = docs.SCHEMA.read_text(encoding="utf-8")
    assert text.count(old) == 1
    (tmp_path / "schema.py").write_text(text.replace(old, new), encoding="utf-8")
    monkeypatch.setattr(docs, "SCHEMA", tmp_path / "schema.py")


def test_a_field_without_a_description_fails(tmp_path, monkeypatch):
    described = "    #: whether the quotation is in the title\n    in_title"
    _schema_edited(tmp_path, monkeypatch, described, "    in_title")
    with pytest.raises(LookupError, match="in_title has no description"):
        docs.fields_block("quotes")


def test_a_field_joined_to_an_undescribed_one_fails(tmp_path, monkeypatch):
    _schema_edited(
        tmp_path, monkeypatch, "#: (with byline)\n    date:", "#: (with dateline)\n    date:"
    )
    with pytest.raises(LookupError, match="'dateline' is not a described field"):
        docs.descriptions()


# --- links ---------------------------------------------------------------------------


def test_every_link_resolves():
    assert docs.broken_links() == []


def test_a_broken_link_is_found(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "README.md").write_text(
        "# Top\n\n[ok](#top) [gone](docs/gone.md) [a](docs/a.md#nowhere) [b](docs/a.md#a-b)\n",
        encoding="utf-8",
    )
    (tmp_path / "docs" / "a.md").write_text("# A: `b`\n", encoding="utf-8")
    monkeypatch.setattr(docs, "ROOT", tmp_path)
    monkeypatch.setattr(docs, "DOCS", tmp_path / "docs")
    assert docs.broken_links() == [
        "README.md: docs/gone.md (no such file)",
        "README.md: docs/a.md#nowhere (no such heading)",
    ]


# --- the evaluation table --------------------------------------------------------------

_ROW = re.compile(r"^\| `([\w.]+)` \| (\S+) \| (\S+) \| (\S+) \| ([^|]+) \|$", re.M)


def test_the_evaluation_table_holds_every_gated_figure_at_or_above_its_floor():
    rows = {row[0]: row[1:] for row in _ROW.findall(_generated("evaluation"))}
    baseline = json.loads((ROOT / "eval" / "baseline.json").read_text(encoding="utf-8"))
    for figure_id, gated in baseline.items():
        assert figure_id in rows, f"{figure_id} is not in docs/evaluation.md: run make eval"
        value, floor, tolerance, status = rows[figure_id]
        assert floor == f"{gated['floor']:.4f}", f"{figure_id}: the floor moved; run make eval"
        assert status.strip() in {"ok", "ok, above floor"}, figure_id
        assert float(value) >= gated["floor"] - gated["tolerance"], figure_id


def test_the_gate_writes_its_table_into_the_page(tmp_path):
    (tmp_path / "results.json").write_text('{"a.f1": 0.9, "a.peer": 0.5}', encoding="utf-8")
    (tmp_path / "baseline.json").write_text(
        '{"a.f1": {"floor": 0.8, "tolerance": 0.005}}', encoding="utf-8"
    )
    page = tmp_path / "evaluation.md"
    page.write_text(
        "# Eval\n\n<!-- generated: evaluation (make eval) -->\nold\n<!-- end generated -->\n",
        encoding="utf-8",
    )
    args = [tmp_path / "results.json", tmp_path / "baseline.json", "--docs", page]
    result = subprocess.run(
        [sys.executable, "-m", "eval.gate", *args], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    written = page.read_text(encoding="utf-8")
    assert "old" not in written
    assert "| `a.f1` | 0.9000 | 0.8000 | 0.005 | ok, above floor |" in written
    assert "| `a.peer` | 0.5000 | — | — | not gated |" in written
    assert written.endswith("|\n<!-- end generated -->\n")


def test_the_readmes_first_example_is_what_quotes_prints():
    """The README opens on the seed's speakers and its first quotation: both as newscli
    gives them today (the table's rows, and the JSON the jq line prints)."""
    import newscli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    text = (ROOT / "seeds" / "iran-missiles-live-updates.txt").read_text(encoding="utf-8")
    shown = re.search(r"\| jq -c '\.quotes\[0\] \| \{speaker, cue, text\}'\n(\{.*\})\n", readme)
    assert shown is not None
    first = newscli.quotes(text)["quotes"][0]
    assert json.loads(shown[1]) == {key: first[key] for key in ("speaker", "cue", "text")}
    table = re.search(r"  speaker +role +quotes\n +─+\n((?:  .+\n)+)", readme)
    assert table is not None
    rows = [re.split(r"\s{2,}", line.strip()) for line in table[1].splitlines()]
    speakers = newscli.quotes(text, by="speaker")["speakers"]
    assert rows == [
        [s["speaker"], *([s["role"]] if s["role"] else []), str(s["quotes"])] for s in speakers
    ]
