"""Rules for the places a dateline names."""

from __future__ import annotations

from newscli.ner.rules.common import PLACE, Mention, Words

_COMMON = 4  # zipf frequency from which a word in a dateline is no place name ("CRICKET -")


def dateline_places(document: Words, mentions: list[Mention]) -> list[Mention]:
    """A dateline's capitalised runs are the places the story was filed from ("PORT ELLIS,
    Maine —", "HERZLIYA, Israel 1996-08-31"), whatever the model read in them (a headline's
    casing hides which word is a name); a run of common words is no place ("CRICKET -"),
    and what stands in parentheses keeps the model's reading ("(Reuters)").

    Example: the dateline "KELBY 1996-08-30" gives the place "KELBY", not a person."""
    datelines = document.datelines
    if not datelines:
        return mentions
    tagger, words = document.tagger, document.words
    found = []
    for mention in mentions:
        sentence, first, end, _ = mention
        if sentence not in datelines:
            found.append(mention)
            continue
        before = words[sentence][:first]
        if before.count("(") > before.count(")"):
            found.append(mention)
    entries = tagger.lexicon.entries
    for sentence in sorted(datelines):
        depth = 0
        run: list[int] = []
        for i, word in enumerate([*words[sentence], ""]):
            depth += (word == "(") - (word == ")")
            if depth == 0 and word[:1].isupper():
                run.append(i)
                continue
            if run and any(
                entries.get(w.lower(), 0) & PLACE or tagger.lexicon.frequency(w.lower()) < _COMMON
                for w in words[sentence][run[0] : run[-1] + 1]
            ):
                found.append((sentence, run[0], run[-1] + 1, "LOC"))
            run = []
    return found
