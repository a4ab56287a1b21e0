"""Start-up and one-article timing of the CLI, each command in a fresh process.

    python -m bench.startup

Each command runs once to warm the OS file cache, then RUNS times; the table gives the
median and the fastest wall time. The bare interpreter and the import of the CLI module
show what start-up costs before newscli does any work; textstat scoring the same seed in
a fresh interpreter is the peer to compare `newscli readability` with.
"""

import statistics
import subprocess
import sys
import time
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
    print(f"{'command':<60} {'median ms':>9} {'min ms':>7}   ({RUNS} runs after 1 warm-up)")
    for label, argv in COMMANDS.items():
        wall_time(argv)
        times = [wall_time(argv) * 1000 for _ in range(RUNS)]
        print(f"{label:<60} {statistics.median(times):9.1f} {min(times):7.1f}")


if __name__ == "__main__":
    main()
