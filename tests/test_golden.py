import json

import pytest

from tests.golden import COMMANDS, ROOT, golden_path, render, seed_paths


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("seed", seed_paths(), ids=lambda p: p.name)
def test_seed_output_matches_golden(seed, command, monkeypatch):
    monkeypatch.chdir(ROOT)
    expected = json.loads(golden_path(seed, command).read_text(encoding="utf-8"))
    assert render(seed, command) == expected, "run `make golden` and review the diff"


def test_every_seed_has_golden_files():
    assert len(seed_paths()) >= 4
    for seed in seed_paths():
        for command in COMMANDS:
            assert golden_path(seed, command).exists()
