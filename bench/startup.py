"""Start-up and one-article timing of the CLI, each command in a fresh process.

    python -m bench.startup [RUNS]

Each command runs once to warm the OS file cache, then RUNS times (default 10), the
commands taking turns so that the machine's load falls on all of them alike; the table
gives the median and the fastest wall time of the whole process. The bare interpreter,
the import of the CLI module and `newscli --help` show what start-up costs before
newscli does any work; then every command on the seed article, and its HTML page;
textstat scoring the same seed in a fresh interpreter (where it is installed: it is a
test dependency) is the peer to compare `newscli readability` with.
"""

import statistics
import subprocess
import sys
import time
from importlib.util import find_spec
from pathlib import Path

RUNS = 10
ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/iran-missiles-live-updates.txt"
PYTHON = sys.executable
#: the venv's console script, beside the interpreter running this benchmark
NEWSCLI = str(Path(sys.executable).with_name("newscli"))
#: textstat as a user would run it on one file, with the offline CMUdict hook installed
#: first so that it does not nltk.download('cmudict')
TEXTSTAT = (
    "import sys; from eval.readability import offline_textstat; "
    "offline_textstat().flesch_kincaid_grade(open(sys.argv[1], encoding='utf-8').read())"
)
#: every command that reads articles, on the seed
ON_SEED = ("parse", "readability", "summarize", "quotes", "entities", "analyze", "dedupe")

#: label -> argv
COMMANDS = {
    "python -c pass": [PYTHON, "-c", "pass"],
    'python -c "import newscli.cli"': [PYTHON, "-c", "import newscli.cli"],
    "newscli --help": [NEWSCLI, "--help"],
    **{f"newscli {command} SEED": [NEWSCLI, command, SEED] for command in ON_SEED},
    "newscli analyze --format html SEED": [NEWSCLI, "analyze", "--format", "html", SEED],
    "textstat flesch_kincaid_grade (same seed)": [PYTHON, "-c", TEXTSTAT, SEED],
}
if find_spec("textstat") is None:  # a venv with only the runtime dependencies
    del COMMANDS["textstat flesch_kincaid_grade (same seed)"]


def wall_time(argv: list[str]) -> float:
    """Seconds to run argv to completion from the project root; fails if the command does."""
    started = time.perf_counter()
    result = subprocess.run(
        argv,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(argv)} exited {result.returncode}:\n{result.stderr}")
    return elapsed


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    times: dict[str, list[float]] = {label: [] for label in COMMANDS}
    for argv in COMMANDS.values():
        wall_time(argv)
    for _ in range(runs):
        for label, argv in COMMANDS.items():
            times[label].append(wall_time(argv) * 1000)
    help_median = statistics.median(times["newscli --help"])
    print(f"SEED = {SEED}; {runs} runs each after 1 warm-up, taking turns")
    print(f"{'command':<44} {'median ms':>9} {'min ms':>7} {'× --help':>8}")
    for label, measured in times.items():
        median = statistics.median(measured)
        print(f"{label:<44} {median:9.1f} {min(measured):7.1f} {median / help_median:8.2f}")


if __name__ == "__main__":
    main()
