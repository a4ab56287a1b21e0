"""Write the golden outputs for seeds/: `make golden`. Review the diff like code."""

import json
from pathlib import Path

from typer.testing import CliRunner

from newscli.cli import app
from newscli.environment import Environment

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
COMMANDS = ("parse", "readability", "summarize", "quotes", "entities")


def seed_paths() -> list[Path]:
    """The seed articles: text, and one as the web page it came from."""
    return sorted(p for p in (ROOT / "seeds").iterdir() if p.suffix in (".txt", ".html"))


def golden_path(seed: Path, command: str) -> Path:
    name = seed.stem if seed.suffix == ".txt" else seed.name
    return GOLDEN / f"{name}.{command}.json"


def render(seed: Path, command: str) -> object:
    """The command's JSON for one seed, run from the project root like a user would."""
    result = CliRunner().invoke(
        app, [command, "--format", "json", f"seeds/{seed.name}"], obj=Environment()
    )
    if result.exit_code != 0:
        raise RuntimeError(f"{command} {seed.name} failed: {result.output}")
    return json.loads(result.stdout)


def html_golden_path(seed: Path) -> Path:
    return GOLDEN / f"{seed.stem}.analyze.html"


def render_html(seed: Path) -> str:
    """The seed's HTML page from `analyze`: compared as text, since the page is the output."""
    result = CliRunner().invoke(
        app, ["analyze", "--format", "html", f"seeds/{seed.name}"], obj=Environment()
    )
    if result.exit_code != 0:
        raise RuntimeError(f"analyze --format html {seed.name} failed: {result.output}")
    return result.stdout


def main() -> None:
    import os

    os.chdir(ROOT)
    GOLDEN.mkdir(exist_ok=True)
    for seed in seed_paths():
        for command in COMMANDS:
            path = golden_path(seed, command)
            text = json.dumps(render(seed, command), ensure_ascii=False, indent=2) + "\n"
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    seed = ROOT / "seeds" / "iran-missiles-live-updates.txt"
    html_golden_path(seed).write_text(render_html(seed), encoding="utf-8")
    print(f"wrote {html_golden_path(seed).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
