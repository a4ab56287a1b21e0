"""Which pronoun a person's name or title goes with, where the name makes it clear.

Used to resolve "he" and "she" to the right earlier person. A first name counts when one
sex holds at least RATIO times the other's share of it in the US Census 1990 name lists
(public domain, shipped in the `names` package; only the train extra installs it).
`python -m newscli.gender` rebuilds the list, deterministically, into FIRST_NAMES;
run time reads that file once. Names the list does not know, and titles that say nothing,
give None: no constraint.
"""

from functools import lru_cache
from pathlib import Path

from newscli.lexicon import FEMALE_TITLES, MALE_TITLES

FIRST_NAMES = Path(__file__).with_name("data") / "first-names.tsv"
#: how much more common a name must be for one sex to count as that sex's
RATIO = 4.0
MALE, FEMALE = "m", "f"

_TITLES = {MALE: MALE_TITLES, FEMALE: FEMALE_TITLES}


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    with FIRST_NAMES.open(encoding="utf-8") as lines:
        return dict(line.rstrip("\n").split("\t") for line in lines)


def of_person(name: str, role: str | None = None) -> str | None:
    """MALE, FEMALE or None (not clear) for a full name and its role."""
    for word in (role or "").lower().split():
        for sex, titles in _TITLES.items():
            if word in titles:
                return sex
    words = name.split()
    if len(words) < 2:
        return None  # a surname alone ("Williams", "Jackson") says nothing
    return _first_names().get(words[0].lower())


def of_first_name(word: str) -> str | None:
    """MALE, FEMALE or None (not a first name the list knows, or not clear)."""
    return _first_names().get(word.lower())


def of_description(mention: str) -> str | None:
    """MALE, FEMALE or None for a description's last word for a man or a woman ("the woman",
    "a spokesman for the company", "the Waterford man")."""
    for word in reversed(mention.lower().replace("’s", " ").replace("'s", " ").split()):
        for sex, titles in _TITLES.items():
            if word in titles:
                return sex
    return None


def build() -> None:
    """Write FIRST_NAMES from the census lists: one `name<TAB>m|f` line per clear name."""
    import importlib.resources

    shares: dict[str, dict[str, float]] = {}
    for sex, filename in ((MALE, "dist.male.first"), (FEMALE, "dist.female.first")):
        text = importlib.resources.files("names").joinpath(filename).read_text()
        for line in text.splitlines():
            name, share, *_ = line.split()
            shares.setdefault(name.lower(), {MALE: 0.0, FEMALE: 0.0})[sex] = float(share)
    FIRST_NAMES.parent.mkdir(exist_ok=True)
    with FIRST_NAMES.open("w", encoding="utf-8") as out:
        for name in sorted(shares):
            male, female = shares[name][MALE], shares[name][FEMALE]
            if male >= RATIO * female:
                out.write(f"{name}\t{MALE}\n")
            elif female >= RATIO * male:
                out.write(f"{name}\t{FEMALE}\n")


if __name__ == "__main__":
    build()
