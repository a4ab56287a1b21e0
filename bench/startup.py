"""Start-up and one-article timing of the CLI, each command in a fresh process.

    python -m bench.startup

Each command runs once to warm the OS file cache, then RUNS times; the table gives the
median and the fastest wall time, and the median over `newscli --help`'s in the same run.
The bare interpreter and the import of the CLI module show what start-up costs before
newscli does any work; textstat scoring the same seed in a fresh interpreter (where it is
installed) is the peer to compare `newscli readability` with.
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

#: label -> argv
COMMANDS = {
    "python -c pass": [PYTHON, "-c", "pass"],
    'python -c "import newscli.cli"': [PYTHON, "-c", "import newscli.cli"],
    "newscli --help": [NEWSCLI, "--help"],
    f"newscli readability {SEED}": [NEWSCLI, "readability", SEED],
    f"newscli analyze {SEED}": [NEWSCLI, "analyze", SEED],
    "textstat flesch_kincaid_grade (same seed)": [PYTHON, "-c", TEXTSTAT, SEED],
}


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
    print(
        f"{'command':<60} {'median ms':>9} {'min ms':>7} {'x help':>6}"
        f"   ({RUNS} runs after 1 warm-up)"
    )
    commands = dict(COMMANDS)
    if find_spec("textstat") is None:  # a venv with only the runtime dependencies
        commands = {label: argv for label, argv in commands.items() if TEXTSTAT not in argv}
    help_median = None
    for label, argv in commands.items():
        wall_time(argv)
        times = [wall_time(argv) * 1000 for _ in range(RUNS)]
        median = statistics.median(times)
        if label == "newscli --help":
            help_median = median
        ratio = f"{median / help_median:6.2f}" if help_median else f"{'':6}"
        print(f"{label:<60} {median:9.1f} {min(times):7.1f} {ratio}")


if __name__ == "__main__":
    main()
