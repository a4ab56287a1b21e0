"""Attribution after the quotation: `“Q,” Zarif said`, `“Q,” said Zarif`, `“Q” — Zarif`,
`“Q,” according to CNN`, and the attribution that ends its sentence after a comma."""

from collections.abc import Callable
from dataclasses import replace

from newscli.analysis.quotes.patterns.after_cue import phrase_after
from newscli.analysis.quotes.patterns.before_cue import phrase_before
from newscli.analysis.quotes.patterns.words import (
    Speaker,
    Word,
    is_cue,
    is_word,
    looks_past,
    make_speaker,
    names_role,
    read_words,
)
from newscli.lexicon import (
    CUE_PARTICLES,
    PERSON_OF_BODY_LINKS,
    PREPOSITIONS,
    ROLE_NOUNS,
    SPEAKING_NOUNS,
    SUBJECT_PRONOUNS,
    TELL_FORMS,
)


def _ends_soon(text: str, words: list[Word], cue: int) -> bool:
    """Whether the sentence ends within a few words of the cue, with no quotation between
    ('“Q.” he said on Monday.' -- not '“Q.” Rubio called it “R.”')."""
    for word in words[cue + 1 : cue + 8]:
        if word.text == ".":
            return not any(mark in text[words[cue].end : word.start] for mark in '“"«„`')
        if word.text in (",", ":"):
            return False
    return len(words) <= cue + 8


def attribution_after(
    text: str,
    close: int,
    limit: int,
    ends_sentence: bool = False,
    is_speaker: Callable[[str], bool] = lambda _: False,
) -> Speaker | None:
    """`“Q,” Zarif said` / `“Q,” said Zarif` / `“Q” — Zarif`, from the closing mark on;
    `“Q?” Hannity pressed.`: a speaker `is_speaker` accepts and a verb not listed as a cue."""
    words = read_words(text, close, min(limit, close + 240))
    # skip the closing mark's punctuation
    index = 0
    while index < len(words) and words[index].text in {",", "—", "–", ":", ";"}:
        index += 1
    according = index < len(words) and words[index].text.lower() == "according"
    if according and _next_is(words, index, "to"):
        # '“Q,” according to CNN.': the source the quotation is taken from
        span = phrase_after(words, index + 1)
        if span is not None:
            end = words[index + 1].end
            return make_speaker(text, words, span, "according to", end, "preposition")
        return _without_cue(text, close, words, index, ends_sentence, is_speaker)
    position = _first_cue(words, index)
    if position is not None:
        if ends_sentence and not _ends_soon(text, words, position):
            return None  # '“Q.” He added, “R.”', '“Q.” Rubio called it “R”': not Q's
        asks = text[max(0, close - 3) : close].rstrip(' ”"»,').endswith(("?", "!"))
        if asks and _next_is(words, position, "that"):
            # '“Q?” Tory MP Peter Luff, a co-chairman, said that the law was “R”': a question
            # ends its sentence, and what follows reports speech of its own
            return None
        found = _speaker_of_cue(text, words, index, position)
        if found is not None:
            return found
    return _without_cue(text, close, words, index, ends_sentence, is_speaker)


def _first_cue(words: list[Word], index: int) -> int | None:
    """Where the first cue after the quotation stands, within a few words of it (more past
    an appositive or a body's name), before the sentence or clause ends."""
    horizon = 9
    for offset in range(min(len(words) - index, 24)):
        position = index + offset
        word = words[position].text
        if word in {".", ";"} or offset >= horizon:
            return None
        if word == "," and offset and _sets_off_appositive(words, position):
            horizon = offset + 16  # "“Q,” Trump, the GOP frontrunner, said"
        if word in PERSON_OF_BODY_LINKS and offset and words[position - 1].text[:1].isupper():
            horizon = max(horizon, offset + 10)  # "“Q,” Jane Doe of the Brookings Institution said"
        if is_cue(words, position):
            return position
    return None


def _speaker_of_cue(text: str, words: list[Word], index: int, position: int) -> Speaker | None:
    """The speaker of the cue at words[position], the first after the quotation's closing
    punctuation (words[index]): before it ('“Q,” Zarif said', '“Q,” it said'), quoted
    ('the agency quoted Zarif as saying') or after it ('“Q,” said Zarif')."""
    offset = position - index
    word = words[position].text
    span = phrase_before(words, position) if offset else None
    quoted = _quoted_as_saying(words, position)
    if quoted is not None:
        # '“Q,” the news agency quoted Mr Khodorkovsky as saying': the one quoted
        end = words[quoted[1]].end
        return make_speaker(text, words, quoted, "quoted", end, "quoted_as_saying")
    if span is None and offset == 1 and words[index].text.lower() == "it":
        span = index, index  # '“Q,” it said': a statement, a report, a company
    if span is not None and span[0] < index:
        span = None
    rule = "after_subject"
    if span is None and offset == 0 and not word.endswith("ing") and word not in TELL_FORMS:
        # '“Q,” said Zarif' -- not '“Q,” saying the city ...', whose subject came before,
        # nor ', told POLITICO', whose object is who listened;
        # '“Q,” chimed in Tom Brown': the speaker after the verb's particle
        particle = CUE_PARTICLES.get(word.lower())
        following = words[position + 1].text if position + 1 < len(words) else ""
        span = phrase_after(words, position + (following == particle))
        rule = "after_inverted"
    if span is None:
        return None
    return make_speaker(text, words, span, word, words[position].end, rule)


def _without_cue(
    text: str,
    close: int,
    words: list[Word],
    index: int,
    ends_sentence: bool,
    is_speaker: Callable[[str], bool],
) -> Speaker | None:
    """No cue names the speaker: a dash and a name ('“Q” — Zarif'), or a speaker and a verb
    ending the attribution ('“Q?” Hannity pressed.')."""
    if index < len(words) and text[close : close + 40].lstrip(" ,").startswith(("—", "–", "-")):
        span = phrase_after(words, index - 1) if index else None
        if span is not None:
            return make_speaker(text, words, span, "—", 0, "after_dash")
    if not ends_sentence:
        return _speaker_and_verb(text, [Word("", close, close), *words[index:]], is_speaker)
    return None


def _next_is(words: list[Word], position: int, word: str) -> bool:
    return position + 1 < len(words) and words[position + 1].text == word


def _sets_off_appositive(words: list[Word], comma: int) -> bool:
    """Whether the comma at words[comma] may open an appositive to a speaker: after a name
    or a noun for people who speak ("an intelligence source, who was not authorized"), or
    before a name ("Hunter’s chief of staff, Joe Kasper, told")."""
    previous = words[comma - 1].text
    following = words[comma + 1].text if comma + 1 < len(words) else ""
    return previous[:1].isupper() or previous in SPEAKING_NOUNS or following[:1].isupper()


def _quoted_as_saying(words: list[Word], position: int) -> tuple[int, int] | None:
    """The name in 'quoted X as saying', if words[position] is that "quoted"."""
    if words[position].text.lower() != "quoted":
        return None
    span = phrase_after(words, position)
    if span is None or span[1] + 2 >= len(words):
        return None
    following = [w.text.lower() for w in words[span[1] + 1 : span[1] + 3]]
    return span if following == ["as", "saying"] else None


def sentence_final(
    text: str, close: int, end: int, is_speaker: Callable[[str], bool]
) -> Speaker | None:
    """'“Q” if she didn't win by more, said David Wasserman.': the attribution that ends the
    quotation's sentence, after a comma, however long the words between."""
    comma = end
    for _ in range(3):  # the attribution may be followed by an appositive or two
        comma = text.rfind(",", close, comma)
        if comma < 0:
            return None
        found = attribution_after(text, comma + 1, end, False, is_speaker)
        # "..., DFA spokesman Neil Sroka said.": a role may stand before the name
        lead = text[comma + 1 : found.start].split() if found is not None else []
        if found is None or not (
            " ".join(lead).lower() in ("", found.cue)
            or all(w[:1].isupper() or names_role(w) for w in lead)
            or names_role(lead[-1])
            and all(is_word(w) for w in lead)
        ):
            continue
        rest = text[found.until : end].strip(" .\n")
        if not rest or rest.startswith(",") or circumstance(rest):
            return replace(found, rule="sentence_final")
    return None


def circumstance(words: str) -> bool:
    """'..., she said in a video message to the convention': where or when it was said,
    a phrase with no quotation in it."""
    first = words.split(None, 1)[0].lower()
    return first in PREPOSITIONS and not any(mark in words for mark in '“"«„`')


def _speaker_and_verb(
    text: str, words: list[Word], is_speaker: Callable[[str], bool]
) -> Speaker | None:
    """'“Q?” Hannity pressed.' / '“Q,” he shot back': a speaker right after the quotation,
    then a past or present verb ending the attribution."""
    span = phrase_after(words, 0)
    if span is None and len(words) > 2 and looks_past(words[1].text):
        # '“This is fantastic!” beamed Donald Hartley'
        span = phrase_after(words, 1)
        if span is None or not is_speaker(text[words[span[0]].start : words[span[1]].end]):
            return None
        return make_speaker(text, words, span, words[1].text, words[1].end, "speaker_and_verb")
    if span is None or span[1] + 1 >= len(words):
        return None
    verb = words[span[1] + 1].text
    if not (looks_past(verb) or verb.isalpha() and verb.islower() and verb.endswith("s")):
        return None
    if not _ends_soon(text, words, span[1] + 1):
        return None
    mention = " ".join(w.text for w in words[span[0] : span[1] + 1])
    described = words[span[1]].text in ROLE_NOUNS  # "the Republican nominee riffed"
    if mention.lower() not in SUBJECT_PRONOUNS and not (described or is_speaker(mention)):
        return None
    return make_speaker(text, words, span, verb, words[span[1] + 1].end, "speaker_and_verb")
