"""The command declarations, and what is derived from them."""

import inspect
import re
from typing import Any

import pytest
import typer

import newscli
from newscli import api, records
from newscli.cli import app
from newscli.commands import (
    COMMANDS,
    RECORDS,
    Command,
    Option,
    OptionError,
    json_schema,
    languages,
    reference,
)
from newscli.render import layouts
from newscli.render.writer import Layout
from newscli.schema import Titled


def _click_command(name: str) -> Any:
    """The command as Typer builds it (Typer's own copy of click's classes)."""
    return typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_name_a_declaration_gives_resolves(name):
    command = COMMANDS[name]
    for layout in (command.layout, *command.layout_if.values()):
        assert layout is None or isinstance(getattr(layouts, layout), Layout)
    for function in (command.record, command.tags):
        assert function is None or callable(getattr(records, function))
    assert set(command.layout_if) <= {option.name for option in command.options}
    for analysis in command.analyses:
        assert isinstance(records.reads(analysis), frozenset)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_declaration_is_a_command_with_its_options_and_help(name):
    command = COMMANDS[name]
    clicked = _click_command(name)
    assert clicked.help == command.help
    assert clicked.short_help == command.short_help
    flags = {flag for param in clicked.params for flag in param.opts}
    for option in command.options:
        assert set(option.flags) <= flags, option.name


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_declaration_is_an_api_function_with_its_options_as_keywords(name):
    command = COMMANDS[name]
    assert name in newscli.__all__
    keywords = inspect.signature(getattr(newscli, name)).parameters
    for option in command.options:
        assert (option.name in keywords) is option.shapes_record, option.name
        if option.shapes_record:
            default = keywords[option.name].default
            assert default == option.default, option.name


def test_the_record_functions_take_exactly_the_options_that_shape_the_record():
    for command in COMMANDS.values():
        if command.record is None:  # a corpus's, or an analysis's fields
            continue
        taken = inspect.signature(getattr(records, command.record)).parameters
        assert [k for k in taken if k not in ("article", "document", "spans")] == [
            o.name for o in command.record_options
        ], command.name


def test_the_schema_registry_and_the_schema_command_list_every_command():
    assert list(RECORDS) == list(COMMANDS)
    [argument] = _click_command("schema").params
    assert list(argument.type.choices) == list(COMMANDS)
    assert json_schema("quotes")["title"] == "newscli quotes record"


def test_the_reference_lists_each_command_with_its_options_as_help_shows_them():
    listed = list(reference())
    assert [entry["name"] for entry in listed] == list(COMMANDS)
    for entry in listed:
        clicked = _click_command(entry["name"])
        by_flag = {param.opts[0]: param for param in clicked.params}
        for option in entry["options"]:
            param = by_flag[option["flags"][0]]
            assert param.help == option["help"]
            if option["choices"] is not None:
                assert list(param.type.choices) == option["choices"]
    summarize = next(entry for entry in listed if entry["name"] == "summarize")
    method = next(option for option in summarize["options"] if option["name"] == "method")
    assert method["default"] == "newscli"
    assert method["choices"] == ["newscli", "lead", "textrank", "lexrank"]


def test_languages_are_those_of_the_analyses_a_command_runs():
    assert set(languages(COMMANDS["analyze"])) == {"readability", "summary", "quotes", "entities"}
    assert "en" in languages(COMMANDS["quotes"])["quotes"]
    assert languages(COMMANDS["parse"]) == {}


def test_options_that_do_not_go_together_are_named_as_each_front_end_names_them():
    with pytest.raises(OptionError) as caught:
        COMMANDS["summarize"].values({"sentences": 2, "ratio": 0.5})
    assert caught.value.option == "ratio"
    assert caught.value.naming(lambda name: f"--{name}") == "give --sentences or --ratio, not both"
    with pytest.raises(ValueError, match="ratio: give sentences or ratio, not both"):
        newscli.summarize("Text.", sentences=2, ratio=0.5)


def test_a_choice_is_checked_and_given_as_its_plain_value():
    assert COMMANDS["entities"].values({"type": ["person", "Org"]}) == {"type": ("PERSON", "ORG")}
    with pytest.raises(ValueError, match="by must be one of quote, speaker"):
        COMMANDS["quotes"].values({"by": "speakers"})


def test_dedupe_takes_its_declared_options_by_the_same_names_and_defaults():
    keywords = inspect.signature(api.dedupe).parameters
    for option in COMMANDS["dedupe"].record_options:
        assert keywords[option.name].default == option.default, option.name


def test_the_parse_cache_lives_in_one_chunk():
    from newscli.inputs import Article

    parses = records.Parses()
    article = Article("a.txt", "Zarif met Palmer in Tehran on Monday.")
    assert parses(article) is parses(article)
    assert records.Parses()(article) is not parses(article)
    assert not any(
        isinstance(value, dict) and not name.isupper() and not name.startswith("__")
        for name, value in vars(records).items()
    ), "records keeps no module-level dict"


class WordsRecord(Titled):
    words: int


#: read by `word_count`'s command below; English only, to see it left out
LANGUAGES = frozenset({"en"})


def word_count(document: Any, *, at_least: int) -> dict[str, int]:
    return {"words": max(at_least, len(document.text.split()))}


def test_a_command_declared_with_an_analysis_needs_no_record_function_nor_layout(capsys):
    from newscli.document import parse
    from newscli.environment import Environment
    from newscli.inputs import Article
    from newscli.render.writer import Format, Writer

    words = Command(
        "words",
        short_help="Words.",
        help="Count the words.",
        options=(Option("at_least", int, 0, "At least this many."),),
        records=(WordsRecord,),
        analyze="tests.test_commands:word_count",
    )
    english = Article("a.txt", "Zarif met Palmer in Tehran on Monday.")
    [record] = records.analyze_chunk(words.analysis(), [english])
    assert (record["source"], record["words"]) == ("a.txt", 7)
    assert records.analyze_chunk(words.analysis(at_least=9), [english])[0]["words"] == 9
    german = Article("b.txt", "Der Minister traf am Montag die Kanzlerin in Berlin.", language="de")
    skipped = words.analysis()(german, parse(german.text, language="de"))
    assert skipped["skipped"] == ["words: English only; article is de"]
    assert "words" not in skipped

    capsys.readouterr()
    writer = Writer(Format.csv, words.layout_for({}), Environment(), many=True)
    writer.write(record)
    writer.close()
    assert capsys.readouterr().out.splitlines() == ["source,id,words", "a.txt,,7"]
    writer = Writer(Format.table, words.layout_for({}), Environment(), many=True)
    writer.write(record)
    writer.close()
    table = capsys.readouterr().out
    assert "a.txt" in table
    assert re.search(r"words\s+7", table)
