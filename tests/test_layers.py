"""The map of newscli holds: every import contract in pyproject.toml is kept.

lint-imports reads the contracts ([tool.importlinter]): the layers, top to bottom, of the
package and of its wings (inputs, running); the analyses independent of one another; no
import cycle in any package; no command line or terminal output in the analyses. An import
that points up a layer -- even inside a function, even through another module -- fails
here, so the map cannot slip silently.
"""

import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def test_every_import_contract_is_kept():
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr


def test_every_module_must_be_given_its_layer():
    """The layers contracts are exhaustive: a module that is in none of their layers fails."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layered = [c for c in contracts if c["type"] == "layers"]
    assert {c["id"] for c in layered} >= {"layers", "inputs", "running"}
    assert all(c.get("exhaustive") for c in layered)
