"""Who a quotation's words are attributed to, read from the words around it.

Pure functions over a span of text: each looks for one pattern of news attribution (a speech
cue after the quotation or before it, a transcript label, a sentence's subject) and returns
the speaker mention it finds, with the cue and where the attribution ends. `attribute` tries
them in order and `resolve` turns the mention into a name; nothing here knows the article's
names beyond the `is_speaker` test it is handed. The words it reads are `newscli.lexicon`'s.

One module per stage: `words` reads the text into words and recognises cues; `before_cue`
and `after_cue` read the speaker phrase before and after a cue; `after_quote` and
`before_quote` read the attribution after and before the quotation; `subjects` finds a
sentence's subject when it is the speaker.
"""

from newscli.analysis.quotes.patterns.after_cue import phrase_after
from newscli.analysis.quotes.patterns.after_quote import (
    attribution_after,
    circumstance,
    sentence_final,
)
from newscli.analysis.quotes.patterns.before_cue import phrase_before
from newscli.analysis.quotes.patterns.before_quote import attribution_before, labelled
from newscli.analysis.quotes.patterns.subjects import opens_with_phrase, subject_of
from newscli.analysis.quotes.patterns.words import Speaker, Word, make_speaker, read_words

__all__ = [
    "Speaker",
    "Word",
    "attribution_after",
    "attribution_before",
    "circumstance",
    "labelled",
    "make_speaker",
    "opens_with_phrase",
    "phrase_after",
    "phrase_before",
    "read_words",
    "sentence_final",
    "subject_of",
]
