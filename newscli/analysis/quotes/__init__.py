"""Who said what: every quotation in an article, with its speaker resolved to a full name.

1. `find`: quotations are found by one left-to-right pass over each paragraph's quotation
   marks (`newscli.quotemarks`), so any input, even a megabyte of stray marks, takes linear
   time. A mark left open at the end of a paragraph continues into the next paragraph only
   if that one re-opens it (a quotation over several paragraphs); otherwise it is a stray
   mark and costs nothing beyond itself.
2. `attribute`: each quotation is attributed from its own sentence (`patterns` reads the
   patterns, `lexicon` holds their words): a speech cue (said, told, insisted, according
   to, ...) after the closing mark (`“Q,” Zarif said`, `“Q,” said Zarif`) or before the
   opening one (`Zarif said: “Q”`, `Zarif said his country would strike “Q”`), with the
   speaker next to the cue, or else the subject of the cue's clause; a transcript label
   (`Clinton: “Q”`), a signature line after it (`- Bernie Sanders.`), or, for a long
   quotation inside a sentence, the sentence's subject (`Ryan worried that the net was
   becoming “Q”`).
3. `inherit`: a quotation with none takes the speaker of the other part of a split
   quotation (`“A,” he said. “B.”`), of the previous sentence (`X said on Tuesday. “Q.”`,
   `X issued this statement: “Q”`) or of the previous paragraph's quotation, which it
   continues; then each is classified direct, partial or scare.
4. `resolve`: the speaker mention is resolved through the article's names
   (`newscli.names`): a last name or misspelling to the fullest form the article gives,
   "he"/"she" to the first fitting person of the nearest sentence naming one (outside
   quotations), "the minister" to the last person with that role, "I" to the byline; a
   paragraph-long quotation with no attribution at all is whoever the text was just about.
5. `indirect`: reported speech without marks (`Zarif said that ...`), on request.

Every rule of these stages has an id and an invented example (`rules.RULES`); each quotation
`quotations` returns records the ids of the rules that read it, and each case row of
tests/data/attribution.jsonl names one.

Articles in German, French, Spanish, Italian, Portuguese and Dutch go through the same
stages driven by each language's words (`languages`); English never does.
"""

from collections import Counter
from collections.abc import Iterable
from typing import Any

from newscli import schema
from newscli.analysis.quotes.attribute import attribute
from newscli.analysis.quotes.crowds import without_crowd_speakers
from newscli.analysis.quotes.describe import name_descriptions
from newscli.analysis.quotes.find import Quote, find_quotations, sentence_at, to_record
from newscli.analysis.quotes.indirect import indirect_speech
from newscli.analysis.quotes.inherit import classify, inherit_speakers, names_a_work
from newscli.analysis.quotes.resolve import Referents, resolve
from newscli.analysis.quotes.rules import RULES
from newscli.document import Document
from newscli.language import ENGLISH
from newscli.lexicon import QUOTATION_WORDS
from newscli.names import NameIndex, tagged_mentions, with_missed_surnames
from newscli.schema import QuoteKind

__all__ = ["LANGUAGES", "RULES", "Quote", "find_quotations", "quotations", "quotes", "speakers"]

#: attribution reads English cue verbs, pronouns and names, and (`languages`) the words of
#: the lexicon's QUOTATION_WORDS
LANGUAGES = ENGLISH | frozenset(QUOTATION_WORDS)


def quotes(
    document: Document,
    *,
    include_all: bool = False,
    indirect: bool = False,
    entities: Iterable[Any] | None = None,
) -> list[schema.Quote]:
    """Quote records in text order: direct and partial quotes, plus scare quotes with
    `include_all` and indirect speech with `indirect`.

    Speakers are resolved through the people and organisations the entity tagger finds;
    `entities` passes its spans when they are at hand (`analyze` tags once for both)."""
    language = document.language.code
    if language in QUOTATION_WORDS:
        # imported on the first article in one of those languages: English runs never do
        from newscli.analysis.quotes import languages

        return languages.quotes(
            document, language, include_all=include_all, indirect=indirect, entities=entities
        )
    return [
        to_record(document, quote)
        for quote in quotations(document, indirect=indirect, entities=entities)
        if include_all or quote.kind != QuoteKind.scare
    ]


def quotations(
    document: Document,
    *,
    indirect: bool = False,
    entities: Iterable[Any] | None = None,
) -> list[Quote]:
    """Every quotation of an English article (and with `indirect` reported speech) in text
    order, attributed and resolved, each with the ids of the rules that read it (`RULES`)."""
    found = find_quotations(document)
    if not found and not indirect:
        return []  # no need to tag an article that quotes no one
    if entities is None:
        from newscli import ner

        entities = ner.tag_document(document)
    mentions = with_missed_surnames(document.text, tagged_mentions(document, entities))
    referents = Referents(
        document, mentions, NameIndex(mentions), [(q.start, q.end) for q in found]
    )
    sentences = document.sentences
    earliest = 0
    for quote in found:
        quote.sentence = sentence_at(sentences, quote.start)
        attribute(document, quote, earliest, referents)
        if quote.attribution_end > quote.end and not names_a_work(document, quote):
            # its attribution follows it ('“Q,” X said'); a later quote may not reuse it,
            # unless it names a show ('on “This Week,” Rubio said he was “Q”')
            earliest = quote.attribution_end
    inherit_speakers(document, found, referents)
    classify(document, found)
    resolve(document, found, referents)
    name_descriptions(found, referents)
    without_crowd_speakers(found)
    if indirect:
        found.extend(indirect_speech(document, found, referents))
        found.sort(key=lambda q: q.start)
    return found


def speakers(records: list[schema.Quote]) -> list[schema.Speaker]:
    """Who gets quoted: each speaker with their role and quote count, most quoted first."""
    counts: Counter[str] = Counter()
    roles: dict[str, str | None] = {}
    for record in records:
        name = record["speaker"]
        if name is None:
            continue
        counts[name] += 1
        if roles.get(name) is None:
            roles[name] = record["role"]  # the first a quote of theirs gives
    return [
        {"speaker": name, "role": roles[name], "quotes": count}
        for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
