"""What the formulas count, sentence by sentence of the parse, as textstat defines each count."""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newscli.analysis.readability import arabic, rules
from newscli.analysis.readability.languages import Language
from newscli.document import Sentence

#: Linsear Write is defined on a 100-word sample, as textstat computes it
LINSEAR_SAMPLE_WORDS = 100
#: a long word has more letters than this (LIX, RIX, Wiener Sachtextformel)
LONG_WORD_LETTERS = 6
#: a mini-word has at most this many letters (McAlpine EFLAW)
MINIWORD_LETTERS = 3
#: Spache and Dale-Chall v2 count an unfamiliar word as difficult from this many syllables
SPACHE_SYLLABLES = 2

_NOT_LETTER = re.compile(r"\W")


@dataclass(frozen=True, slots=True)
class Counts:
    sentences: int
    words: int
    syllables: int
    #: words of three or more syllables
    polysyllabic_words: int
    monosyllabic_words: int
    #: words with more than six letters
    long_words: int
    #: words of at most three letters
    miniwords: int
    #: words not on the list of familiar words (what Dale-Chall counts); None without a list
    difficult_words: int | None
    #: ... of two or more syllables (what Spache and Dale-Chall v2 count)
    spache_difficult_words: int | None
    #: Gunning fog's hard words: unfamiliar, of the language's syllable threshold or more
    complex_words: int | None
    #: non-space characters
    characters: int
    #: letters and digits
    letters: int
    #: whitespace-separated tokens, punctuation alone included: textstat's words for ARI
    whitespace_tokens: int
    linsear_easy: int
    linsear_hard: int
    linsear_sentences: int
    #: Arabic: the complex, long and faseeh words and syllables Osman's formula adds up
    osman_terms: int | None = None


def count(sentences: Sequence[Sentence], language: Language) -> Counts:
    familiar = rules.familiar_words(language.code) if language.familiar_words else None
    fog_syllables = language.fog_syllables
    dictionary, cmudict = language.hyphenation, language.cmudict
    words = syllable_total = poly = mono = long_words = miniwords = 0
    difficult = spache_difficult = complex_words = 0
    characters = letters = tokens = 0
    linsear_easy = linsear_hard = linsear_sentences = 0
    for sentence in sentences:
        text = sentence.text
        chunks = text.split()
        tokens += len(chunks)
        characters += sum(map(len, chunks))
        letters += len(_NOT_LETTER.sub("", text))
        sentence_words = rules.words(rules.plain_typography(text))
        if words < LINSEAR_SAMPLE_WORDS and sentence_words:
            linsear_sentences += 1
        for word in sentence_words:
            if dictionary is None:
                n = arabic.syllables(word)
            else:
                n = rules.syllables(word, dictionary, cmudict)
            if words < LINSEAR_SAMPLE_WORDS:
                if n >= 3:
                    linsear_hard += 1
                elif n > 0:
                    linsear_easy += 1
            words += 1
            syllable_total += n
            poly += n >= 3
            mono += n == 1
            length = len(rules.letters_only(word))
            long_words += length > LONG_WORD_LETTERS
            miniwords += length <= MINIWORD_LETTERS
            unfamiliar = familiar is None or word.lower() not in familiar
            if unfamiliar:
                difficult += 1
                spache_difficult += n >= SPACHE_SYLLABLES
                if fog_syllables is not None:
                    complex_words += n >= fog_syllables
    osman_terms = None
    if dictionary is None:
        # textstat's Arabic rules count the whole text at once (see `arabic`)
        body = " ".join(sentence.text for sentence in sentences)
        syllable_total = arabic.syllables(body) if words else 0
        osman_terms = arabic.osman_terms(body)
    return Counts(
        sentences=len(sentences),
        words=words,
        syllables=syllable_total,
        polysyllabic_words=poly,
        monosyllabic_words=mono,
        long_words=long_words,
        miniwords=miniwords,
        difficult_words=None if familiar is None else difficult,
        spache_difficult_words=None if familiar is None else spache_difficult,
        complex_words=None if fog_syllables is None else complex_words,
        characters=characters,
        letters=letters,
        whitespace_tokens=tokens,
        linsear_easy=linsear_easy,
        linsear_hard=linsear_hard,
        linsear_sentences=linsear_sentences,
        osman_terms=osman_terms,
    )
