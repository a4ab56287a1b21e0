"""Module constants are defined before the functions and classes that read them, in the
quotes package and the modules whose word lists it reads."""

import ast
from pathlib import Path

import pytest

import newscli

ROOT = Path(newscli.__file__).parent
MODULES = sorted(
    [*(ROOT / "analysis" / "quotes").rglob("*.py")]
    + [ROOT / name for name in ("lexicon.py", "names.py", "gender.py", "words.py", "segment.py")]
)


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(ROOT)) for p in MODULES])
def test_constants_before_use(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    defined: dict[str, int] = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Name):
                defined.setdefault(target.id, node.lineno)
    late = [
        f"{name.id} read at line {name.lineno}, defined at line {defined[name.id]}"
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.ClassDef)
        for name in ast.walk(node)
        if isinstance(name, ast.Name) and defined.get(name.id, 0) > node.lineno
    ]
    assert late == []
