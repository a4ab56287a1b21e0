"""The gate that refuses a regression: `make eval`'s figures held against their floors.

    python -m eval.gate RESULTS BASELINE

RESULTS is the JSON the eval scripts fill through `eval.figures.record` ({figure id:
value}); BASELINE, eval/baseline.json, gives each gated figure {"floor": X, "tolerance": T}.
Only newscli's own figures have a floor: its F1s, accuracies, ROUGE and margin over Lead-3,
and dedupe's cluster precision, which its goal names. A peer's figure, and a precision or
recall beside a gated F1 (trading one for the other is no regression), are recorded for the
table alone. Every figure is deterministic (two runs agree to the last digit), so a
tolerance only keeps a drop too small to matter from failing: 0.005 for fractions, 0.5 for
readability's percent of 396 pairs (one pair lost passes, two fail), 0.1 for ROUGE x 100
(a fifth of the 0.47 by which newscli beats Lead-3's R-2 on CNN/DM).

Prints one markdown table of every recorded figure (with --docs, also writes it into that
page's `evaluation` block: `make eval` keeps docs/evaluation.md's copy current), then exits 1
naming each gated figure that is below floor - tolerance or was not recorded at all, else 0.
A figure above floor + tolerance gets a hint: raising its floor belongs to the change that
earned it.
"""

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Floor:
    floor: float
    #: how far below the floor a figure may fall and still pass
    tolerance: float


def number(value: float | None) -> str:
    return "—" if value is None else f"{value:.4f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", type=Path, help="the figures a run recorded (JSON)")
    parser.add_argument("baseline", type=Path, help="eval/baseline.json")
    parser.add_argument(
        "--docs", type=Path, help="write the table into this page's evaluation block too"
    )
    args = parser.parse_args()

    results: dict[str, float] = json.loads(args.results.read_text(encoding="utf-8"))
    baseline = {
        figure_id: Floor(**entry)
        for figure_id, entry in json.loads(args.baseline.read_text(encoding="utf-8")).items()
    }

    failures: list[str] = []
    raisable: list[str] = []
    table = ["| figure | value | floor | tolerance | status |", "|---|---|---|---|---|"]
    # recorded figures in the order the scripts ran, then gated figures no script recorded
    for figure_id in [*results, *(f for f in baseline if f not in results)]:
        value, gated = results.get(figure_id), baseline.get(figure_id)
        if gated is None:
            status = "not gated"
        elif value is None:
            status = "MISSING"
            failures.append(f"{figure_id} was not recorded")
        elif value < gated.floor - gated.tolerance:
            status = "BELOW FLOOR"
            failures.append(
                f"{figure_id} = {value:.4f}, below its floor {gated.floor:.4f}"
                f" - tolerance {gated.tolerance:g}"
            )
        elif value > gated.floor + gated.tolerance:
            status = "ok, above floor"
            raisable.append(f"{figure_id}: {gated.floor:.4f} -> {value:.4f}")
        else:
            status = "ok"
        floor = "—" if gated is None else f"{gated.floor:.4f}"
        tolerance = "—" if gated is None else f"{gated.tolerance:g}"
        table.append(f"| `{figure_id}` | {number(value)} | {floor} | {tolerance} | {status} |")
    print("\n".join(table))
    if args.docs:
        from tools.docs import replace_block

        page = args.docs.read_text(encoding="utf-8")
        body = "\n".join(table) + "\n"
        args.docs.write_text(replace_block(page, "evaluation", body), encoding="utf-8")

    if raisable:
        print(
            "\neval.gate: above floor + tolerance; raise these floors in"
            f" {args.baseline} with the change that earned them:"
        )
        for line in raisable:
            print(f"  {line}")
    if failures:
        sys.stdout.flush()  # the table first, even where stdout is a pipe and stderr is not
        print(f"\neval.gate: {len(failures)} figure(s) fail {args.baseline}:", file=sys.stderr)
        for line in failures:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(f"\neval.gate: none of the {len(baseline)} gated figures is below its floor - tolerance")
    return 0


if __name__ == "__main__":
    sys.exit(main())
