"""Reported speech without quotation marks: `Zarif said that ...`."""

import re

from newscli.analysis.quotes import patterns
from newscli.analysis.quotes.find import Quote, trimmed
from newscli.analysis.quotes.resolve import Referents
from newscli.document import Document
from newscli.lexicon import INDIRECT_CUES
from newscli.schema import QuoteKind


def indirect_speech(document: Document, found: list[Quote], referents: Referents) -> list[Quote]:
    """`Zarif said that ...` and `according to X, ...` in sentences without quotation marks."""
    quoted = {q.sentence for q in found}
    reported: list[Quote] = []
    text = document.text
    for sentence in document.sentences:
        if sentence.index in quoted or any(c in sentence.text for c in '“”"'):
            continue
        words = patterns.read_words(text, sentence.start, sentence.end)
        for position, word in enumerate(words):
            if word.text.lower() not in INDIRECT_CUES:
                continue
            span = patterns.phrase_before(words, position)
            if span is None:
                continue
            clause_start = word.end
            rest = text[clause_start : sentence.end]
            that = re.match(r"\s*(?:\w+\s+){0,3}?that\s+", rest)
            if that:
                clause_start += that.end()
            clause = trimmed(text, clause_start, sentence.end)
            if clause is None or clause[1] - clause[0] < 10:
                break
            # "Zarif said that ...", or "Zarif said the vote ..." without the complementizer
            rule = "indirect_complementizer" if that else "indirect_reported"
            speaker = patterns.make_speaker(text, words, span, word.text, word.end, rule)
            rules = [rule]
            name, role = referents.resolved(
                speaker.text, speaker.start, None, sentence.start, rules
            )
            indirect = Quote(
                start=clause[0],
                end=clause[1],
                paragraph=sentence.paragraph,
                quotation=-1,
                sentence=sentence.index,
                kind=QuoteKind.indirect,
                cue=speaker.cue,
                speaker_mention=speaker.text,
                speaker_start=speaker.start,
                speaker_end=speaker.end,
                speaker=name,
                role=role,
                rules=rules,
            )
            reported.append(indirect)
            break
    return reported
