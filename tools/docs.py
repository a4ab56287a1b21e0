"""The generated parts of the docs: each command's options, its record's fields, and the eval table.

    python -m tools.docs            # rewrite every generated block (make docs)
    python -m tools.docs --check    # exit 1 naming each block that differs from what it would write

A generated block sits between two HTML comments that GitHub does not render:

    <!-- generated: options quotes (make docs) -->
    ...
    <!-- end generated -->

`options COMMAND` is the command's own options (its arguments, and the options the other
commands do not share), `common-options` the options every per-document command takes,
`global-options` those before the command, each read from the Typer app's click parameters
(name, value, default, help) so they cannot drift from `--help`. `fields COMMAND` is the
command's record as declared in `newscli/schema.py` (every key, its JSON type, whether it is
always there), each row described by the `#:` comment above the field there (`#: (with OTHER)`:
in OTHER's row); a key without one is an error, so a field added to the schema must be
documented to pass. A list whose items have `#:` descriptions gets a table of them below.
`commands` lists every command, its one-line help and a link to its page (`commands docs`:
the same, linked from the repository's root, for README.md). `evaluation` is the eval gate's
table: `make eval` writes it (`python -m eval.gate ... --docs docs/evaluation.md`), `make docs`
leaves it as it is.
"""

import argparse
import ast
import json
import re
import sys
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, NotRequired, Union, get_args, get_origin, get_type_hints

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SCHEMA = ROOT / "newscli" / "schema.py"

BLOCK = re.compile(
    r"(?P<open><!-- generated: (?P<what>[\w-]+(?: [\w-]+)?) \((?P<by>make docs|make eval)\) -->\n)"
    r"(?P<body>.*?)"
    r"(?P<close><!-- end generated -->)",
    re.DOTALL,
)
#: where the commands that read no articles are documented (each that does has its page in
#: docs/commands/); a command in neither place fails `make docs`
ELSEWHERE = {
    "completion": "inputs-outputs.md#shell-completion",
    "schema": "inputs-outputs.md#json-schema",
}


# --- the command line ----------------------------------------------------------------


def click_app() -> Any:
    """The click group the Typer app builds: what `newscli --help` prints is read from it."""
    import typer.main

    from newscli.cli import app

    return typer.main.get_command(app)


def commands() -> dict[str, Any]:
    return dict(click_app().commands)


def article_commands() -> list[str]:
    """The commands that read articles (all that write records: they take --format)."""
    return [
        name
        for name, command in commands().items()
        if any(_is_option(p) and "--format" in p.opts for p in command.params)
    ]


def common_options() -> list[str]:
    """The options (by their long name) that every command reading articles takes, in order."""
    found = commands()
    names = article_commands()
    first = [_name(p) for p in found[names[0]].params if _is_option(p)]
    shared = set(first).intersection(
        *({_name(p) for p in found[c].params if _is_option(p)} for c in names)
    )
    return [name for name in first if name in shared]


def _is_option(param: Any) -> bool:
    # read by duck type: typer 0.28 builds its parameters on a click of its own (typer._click)
    return bool(param.param_type_name == "option")


def _name(param: Any) -> str:
    return max(param.opts, key=len)


def _cell(text: str) -> str:
    """Text as one table cell: one line, pipes escaped, and outside code spans `<` too (a
    help's `DIR/<name>` would be read as an HTML tag)."""
    parts = " ".join(text.split()).replace("|", "\\|").split("`")
    return "`".join(p if i % 2 else p.replace("<", "&lt;") for i, p in enumerate(parts))


def _value(param: Any) -> str:
    kind = param.type
    if getattr(param, "is_flag", False):
        return "flag"
    if hasattr(kind, "choices"):
        return ", ".join(f"`{choice}`" for choice in kind.choices)
    if hasattr(kind, "min") and hasattr(kind, "max"):
        number = "integer" if type(kind).__name__ == "IntRange" else "number"
        if kind.min is not None and kind.max is not None:
            bounds = f" {kind.min:g}–{kind.max:g}"
        elif kind.min is not None:
            bounds = f" ≥ {kind.min:g}"
        else:
            bounds = f" ≤ {kind.max:g}"
        return number + bounds
    return f"`{param.metavar}`" if param.metavar else str(kind.name)


def _default(param: Any) -> str:
    default = param.default
    if getattr(param, "is_flag", False):
        return ""
    if default is None or default == () or param.show_default is False:
        return ""
    if isinstance(default, Enum):
        default = default.value
    return f"`{default:,}`" if isinstance(default, int) else f"`{default}`"


def _option_rows(params: list[Any]) -> list[str]:
    rows = ["| option | value | default | |", "|---|---|---|---|"]
    for param in params:
        names = ", ".join(f"`{o}`" for o in [*param.opts, *param.secondary_opts])
        value = _value(param) + (", repeatable" if param.multiple else "")
        envvar = f" Also `{param.envvar}`." if param.envvar else ""
        rows.append(
            f"| {names} | {value} | {_default(param)} | {_cell(param.help or '')}{envvar} |"
        )
    return rows


def _argument_rows(params: list[Any]) -> list[str]:
    rows = ["| argument | value | |", "|---|---|---|"]
    for param in params:
        many = ", any number" if param.nargs == -1 else ""
        rows.append(
            f"| `{param.human_readable_name}` | {_value(param)}{many} | {_cell(param.help)} |"
        )
    return rows


def options_block(command: str) -> str:
    found = commands()
    if command not in found:
        raise KeyError(f"no command {command!r}")
    shared = set(common_options()) if command in article_commands() else set()
    params = found[command].params
    arguments = [p for p in params if not _is_option(p)]
    own = [p for p in params if _is_option(p) and _name(p) not in shared]
    lines = [f"`newscli {command}`: {_cell(found[command].help.split(chr(10) * 2)[0])}", ""]
    if arguments:
        lines += [*_argument_rows(arguments), ""]
    if own:
        lines += [*_option_rows(own), ""]
    if shared:
        lines += [
            "And the [options every command takes](../inputs-outputs.md#common-options):",
            ", ".join(f"`{name}`" for name in common_options()) + ".",
            "",
        ]
    return "\n".join(lines)


def common_options_block() -> str:
    found = commands()
    by_name = {_name(p): p for p in found[article_commands()[0]].params if _is_option(p)}
    return "\n".join([*_option_rows([by_name[n] for n in common_options()]), ""])


def global_options_block() -> str:
    return "\n".join([*_option_rows(click_app().params), ""])


def commands_block(folder: str = "") -> str:
    """The table of commands, each linked to its page; from a page outside docs/, through
    `folder` (`docs`)."""
    rows = ["| command | what it gives |", "|---|---|"]
    for name, command in commands().items():
        page = f"commands/{name}.md" if name in article_commands() else ELSEWHERE[name]
        page = f"{folder}/{page}" if folder else page
        rows.append(f"| [`newscli {name}`]({page}) | {_cell(command.get_short_help_str(200))} |")
    return "\n".join([*rows, ""])


# --- the records ---------------------------------------------------------------------


def _typed_dict(annotation: Any) -> bool:
    return isinstance(annotation, type) and hasattr(annotation, "__required_keys__")


#: a field's `#:` comment that puts it in another field's row: `#: (with language)`
WITH = re.compile(r"\(with (\w+)\)")


def _classes() -> dict[str, tuple[list[str], dict[str, str | None]]]:
    """Each class of newscli/schema.py: its bases, and each field it declares (in order) with
    its `#:` comment, the comment lines right above the field joined (None without one). Read
    from the source: a TypedDict keeps neither its comments nor (on Python 3.11) its bases."""
    source = SCHEMA.read_text(encoding="utf-8")
    lines = source.splitlines()
    found: dict[str, tuple[list[str], dict[str, str | None]]] = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.ClassDef):
            continue
        fields: dict[str, str | None] = {}
        for statement in node.body:
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                above = statement.lineno - 2  # the line before the field's, counted from 0
                comment: list[str] = []
                while lines[above].strip().startswith("#:"):
                    comment.insert(0, lines[above].strip().removeprefix("#:").strip())
                    above -= 1
                fields[statement.target.id] = " ".join(comment) or None
        found[node.name] = ([ast.unparse(base) for base in node.bases], fields)
    return found


def _owner(record_type: type, key: str) -> str:
    """The class of newscli/schema.py that declares `key` of the record: the record's own,
    or the first of its bases (depth first, in order) that does."""
    classes = _classes()
    pending = [record_type.__name__]
    while pending:
        name = pending.pop(0)
        if name in classes:
            bases, fields = classes[name]
            if key in fields:
                return name
            pending[:0] = bases
    raise LookupError(f"{record_type.__name__}.{key} is not declared in {SCHEMA.name}")


def _json_type(annotation: Any, brief: bool = False) -> str:
    if annotation is str:
        return "string"
    if annotation is int:
        return "integer"
    if annotation is float:
        return "number"
    if annotation is bool:
        return "boolean"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return " \\| ".join(f"`{member.value}`" for member in annotation)
    if _typed_dict(annotation):
        keys = list(annotation.__annotations__)
        if brief or len(keys) > 8:
            return f"object (`{annotation.__name__}`)"
        return "`{" + ", ".join(keys) + "}`"
    origin = get_origin(annotation)
    if origin is NotRequired:
        (inner,) = get_args(annotation)
        return _json_type(inner, brief)
    if origin is list:
        (item,) = get_args(annotation)
        return f"list of {_json_type(item, brief)}"
    if origin in (Union, UnionType):
        args = get_args(annotation)
        named = " or ".join(_json_type(a, brief) for a in args if a is not NoneType)
        return named + (" or null" if NoneType in args else "")
    raise TypeError(f"no JSON type for {annotation!r}")


def descriptions() -> dict[str, dict[str, tuple[str, str]]]:
    """TypedDict name -> field name -> (the row's keys, its description), from the `#:`
    comments of newscli/schema.py: a row's keys (space-separated, in declared order) are the
    field described and those whose comment is `(with FIELD)`. Only the classes with a
    description are here, and in them only the fields described."""
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for owner, (_, fields) in _classes().items():
        comments = {key: text for key, text in fields.items() if text}
        rows: dict[str, list[str]] = {}
        for key, text in comments.items():
            joined = WITH.fullmatch(text)
            first = joined[1] if joined else key
            if first not in comments or WITH.fullmatch(comments[first]):
                raise LookupError(f"{owner}.{key}: {first!r} is not a described field to join")
            rows.setdefault(first, []).append(key)
        if rows:
            found[owner] = {
                key: (" ".join(sorted(members, key=list(fields).index)), comments[first])
                for first, members in rows.items()
                for key in members
            }
    return found


def record_types(command: str) -> tuple[type, ...]:
    """The TypedDicts of newscli.schema a command's records are, as `newscli schema COMMAND`
    names them (read from its output, which stays the same whoever declares the commands)."""
    from typer.testing import CliRunner

    from newscli import schema
    from newscli.cli import app

    result = CliRunner().invoke(app, ["schema", command])
    if result.exit_code != 0:
        raise LookupError(f"newscli schema {command}: {result.output.strip()}")
    document = json.loads(result.stdout)
    shapes = document.get("anyOf", [document])
    return tuple(getattr(schema, shape["$ref"].rsplit("/", 1)[1]) for shape in shapes)


def _main_records(command: str) -> tuple[type, ...]:
    found = record_types(command)
    # dedupe --pairs gives another record, described in prose on its page
    return found[:1] if command == "dedupe" else found


def _home(item: type) -> str:
    """The command whose page has the table of a list's items: the first that lists them."""
    for command in article_commands():
        for record_type in _main_records(command):
            for hint in get_type_hints(record_type).values():
                if get_origin(hint) is list and get_args(hint)[0] is item:
                    return command
    raise LookupError(f"no record lists {item.__name__}")


def _field_rows(
    record_types: tuple[type, ...], header: str, command: str
) -> tuple[list[str], list[tuple[str, type]]]:
    """One row per described group of keys, in declared order; and the list fields whose
    items get a table of their own on this page."""
    from newscli import schema

    described = descriptions()
    keys: dict[str, type] = {}
    for record_type in record_types:
        for key in record_type.__annotations__:
            keys.setdefault(key, record_type)
    rows = [f"| {header} | type | |", "|---|---|---|"]
    done: set[str] = set()
    nested: list[tuple[str, type]] = []
    for key, record_type in keys.items():
        owner_name = _owner(record_type, key)
        if key not in described.get(owner_name, {}):
            raise LookupError(
                f"{owner_name}.{key} has no description (a #: comment) in {SCHEMA.name}"
            )
        owner = getattr(schema, owner_name)
        group, text = described[owner_name][key]
        if group in done:
            continue
        done.add(group)
        types, optional = [], False
        for member in group.split():
            optional |= (
                get_origin(get_type_hints(owner, include_extras=True)[member]) is NotRequired
            )
            hint = get_type_hints(owner)[member]
            item = get_args(hint)[0] if get_origin(hint) is list else None
            if item is not None and _typed_dict(item) and item.__name__ in described:
                home = _home(item)
                if home == command:
                    nested.append((member, item))
                    types.append("list of objects (below)")
                else:
                    types.append(f"list of objects, as in [`{home}`]({home}.md)")
            else:
                types.append(_json_type(hint))
        names = ", ".join(f"`{member}`" for member in group.split())
        kind = " / ".join(dict.fromkeys(types)) + (", optional" if optional else "")
        rows.append(f"| {names} | {kind} | {_cell(text)} |")
    return rows, nested


def fields_block(command: str) -> str:
    rows, nested = _field_rows(_main_records(command), "field", command)
    lines = [*rows, ""]
    for member, item in nested:
        item_rows, _ = _field_rows((item,), f"`{member}` field", command)
        lines += [*item_rows, ""]
    return "\n".join(lines)


# --- links ---------------------------------------------------------------------------

LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6} (.+)$")


def _outside_fences(text: str) -> Iterator[str]:
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced:
            yield line


def anchors(page: Path) -> set[str]:
    """The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces
    to hyphens, a repeated one numbered."""
    found: set[str] = set()
    for line in _outside_fences(page.read_text(encoding="utf-8")):
        heading = HEADING.match(line)
        if heading:
            words = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading[1]).strip().lower()
            anchor = re.sub(r"[^\w\- ]", "", words).replace(" ", "-")
            number, unique = 0, anchor
            while unique in found:
                number += 1
                unique = f"{anchor}-{number}"
            found.add(unique)
    return found


def broken_links() -> list[str]:
    """Each link of README.md and docs/ to a file that is not there, or to an anchor its
    page does not have."""
    broken = []
    for page in pages():
        for line in _outside_fences(page.read_text(encoding="utf-8")):
            for target in LINK.findall(re.sub(r"`[^`]*`", "", line)):
                if re.match(r"[a-z]+:", target):
                    continue  # http:, https:, mailto:
                path, _, anchor = target.partition("#")
                linked = (page.parent / path).resolve() if path else page
                where = f"{page.relative_to(ROOT)}: {target}"
                if not linked.exists():
                    broken.append(f"{where} (no such file)")
                elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
                    broken.append(f"{where} (no such heading)")
    return broken


# --- the blocks ----------------------------------------------------------------------

GENERATORS: dict[str, Callable[..., str]] = {
    "options": options_block,
    "common-options": common_options_block,
    "global-options": global_options_block,
    "fields": fields_block,
    "commands": commands_block,
}


def pages() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


def blocks(text: str) -> Iterator[re.Match[str]]:
    return BLOCK.finditer(text)


def generate(what: str) -> str:
    kind, *argument = what.split()
    return GENERATORS[kind](*argument)


def regenerate(text: str) -> str:
    """The page with every `make docs` block written afresh (`make eval`'s left alone)."""

    def fresh(match: re.Match[str]) -> str:
        if match["by"] != "make docs":
            return match[0]
        return match["open"] + generate(match["what"]) + match["close"]

    return BLOCK.sub(fresh, text)


def replace_block(text: str, what: str, body: str) -> str:
    """The page with the block `what` given `body`; a page without that block is an error."""
    matches = [m for m in blocks(text) if m["what"] == what]
    if len(matches) != 1:
        raise LookupError(f"{len(matches)} generated blocks named {what!r}, not one")
    (match,) = matches
    return text[: match.start("body")] + body + text[match.end("body") :]


def stale() -> list[str]:
    """Each page and block that `make docs` would change."""
    found = []
    for page in pages():
        text = page.read_text(encoding="utf-8")
        fresh = regenerate(text)
        if fresh != text:
            old = {m["what"]: m["body"] for m in blocks(text)}
            new = {m["what"]: m["body"] for m in blocks(fresh)}
            changed = [what for what in old if old[what] != new.get(what)]
            found += [f"{page.relative_to(ROOT)}: {what}" for what in changed]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say what is stale")
    args = parser.parse_args()
    if args.check:
        found = stale()
        for line in found:
            print(f"stale: {line} (run make docs)", file=sys.stderr)
        return 1 if found else 0
    for page in pages():
        text = page.read_text(encoding="utf-8")
        fresh = regenerate(text)
        if fresh != text:
            page.write_text(fresh, encoding="utf-8")
            print(f"docs: wrote {page.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
