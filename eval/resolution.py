"""Resolved speaker names on articles we wrote: the name `quotes` gives each quotation.

    python -m eval.resolution [tests/data/resolution.jsonl]

PolNeAR scores the speaker *mention*; this set scores the *resolution*: the full name
the mention ("he", "the minister", "Vollmerhause") refers to. Each article lists quotes
(a piece of each quotation's text) with the full name of who said it. The set is small
and was written to cover the patterns of the quotes issue (pronouns after two people,
"the mayor", misspelt surnames, split and multi-paragraph quotations, an organisation's
statement); it was used while building, so read it as a check, not a held-out score.
"""

import argparse
import json
from pathlib import Path

from newscli.analysis.quotes import quotes
from newscli.document import parse

SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "resolution.jsonl"


def score(path: Path = SET) -> tuple[int, int, int, list[str]]:
    """(quotations, found, resolved right, a line per error)."""
    total = found = right = 0
    errors = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            predicted = quotes(parse(article["text"]), include_all=True)
            for gold in article["quotes"]:
                total += 1
                match = [q for q in predicted if gold["text"] in q["text"]]
                if not match:
                    errors.append(f"{article['id']}: not found: {gold['text']!r}")
                    continue
                found += 1
                if match[0]["speaker"] == gold["speaker"]:
                    right += 1
                else:
                    errors.append(
                        f"{article['id']}: {gold['text']!r}: {match[0]['speaker']!r} "
                        f"(mention {match[0]['speaker_mention']!r}), not {gold['speaker']!r}"
                    )
    return total, found, right, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, nargs="?", default=SET)
    args = parser.parse_args()
    total, found, right, errors = score(args.path)
    print(f"speaker resolution on {args.path.name}: {total} quotations")
    print(f"  found {found}/{total}; resolved name right {right}/{total} ({right / total:.3f})")
    for error in errors:
        print("  " + error)


if __name__ == "__main__":
    main()
