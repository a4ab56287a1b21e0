"""The attribution rules: each quotation's speaker mention and cue from its own sentence,
or from the sentence before it (`RULES` names each, with an invented example)."""

import re
from bisect import bisect_right
from dataclasses import dataclass

from newscli.analysis.quotes.find import Quote, is_title, sentence_bounds
from newscli.analysis.quotes.languages.read import PhraseReader
from newscli.analysis.quotes.languages.words import MARKS, Phrase, Token, tokens

#: the rules, by id, in the order attribution tries them, each with an invented example
#: an attribution set off by dashes inside a quotation: " - ha detto il ministro - ",
#: "—dijo el alcalde—" (a hyphen only with spaces around it: not "Müller-Lüdenscheid")
_DASHES = re.compile(r"(?:\s[-–—]\s?|[—–])(?P<inner>[^—–\n]{3,80}?)(?:\s?[-–—]\s|[—–])")

RULES = {
    # attribution from the quotation's own sentence
    "after_inverted": "„Wir schaffen das“, sagte Müller. / «Es un error», dijo la ministra.",
    "after_pronoun": "„Das ist falsch“, sagte sie. / « Non », a-t-elle répondu.",
    "dropped_subject": "«Es un error», dijo. (the subject left out: the one quoted before)",
    "after_subject": "«Não vamos desistir», o ministro disse.",
    "preposition": "Laut Müller ist die Lage „ernst“. / « C'est un échec », selon le maire.",
    "before_colon": "Müller sagte: „Wir schaffen das.“ / Le ministre a déclaré : « Non. »",
    "before_subject": "Müller sagte, die Lage sei „sehr ernst“.",
    "label": "Scholz: „Wir stehen an eurer Seite“ (a headline, an interview line)",
    "inside_dashes": "«Siamo pronti - ha detto il ministro - a fare la nostra parte»",
    "before_inverted": "Am Montag sagte Müller: „Wir schaffen das.“ / Dijo el ministro: «…»",
    # attribution from around the quotation
    "continuation": "„Das ist falsch“, sagte sie. „Wir werden klagen.“ (the second: hers)",
    "previous_sentence": "Die Ministerin äußerte sich am Montag. „Das Paket kommt.“",
    # who a mention refers to
    "role_before_name": "Bundeskanzler Olaf Scholz / el presidente del Gobierno, Pedro Sánchez",
    "resolve_surname": "Müller, after Bundesfinanzministerin Anna Müller: Anna Müller",
    "resolve_pronoun": "sie, after Ministerin Anna Müller and Peter Klein: Anna Müller",
    "resolve_role": "la ministra, after la ministra de Hacienda, María Montero: María Montero",
    # what kind a quotation is
    "names_a_title": "sagte er der „Süddeutschen Zeitung“ / il gruppo «Umana Solidarietà»",
    "scare_quote": "die sogenannte „Zeitenwende“ (a few words no one is said to say: --all)",
    # reported speech without marks (--indirect)
    "indirect_subjunctive": "Er sagte, die Regierung werde die Steuern senken.",
    "indirect_complementizer": "El ministro dijo que el Gobierno bajará los impuestos.",
}


@dataclass
class Attribution:
    """What a rule found: its id, the cue, the speaker mention, where it ends."""

    rule: str
    cue: str
    phrase: Phrase | None
    until: int


def _skip_dash(after: list[Token]) -> int:
    return 1 if after and after[0].text in ",—–-" else 0


class Attributor(PhraseReader):
    """The attribution rules over an article's words."""

    def attribute(self, quote: Quote, earliest: int) -> Attribution | None:
        """The quotation's attribution from its own sentence, by the first rule that
        finds one."""
        text = self.text
        sentence_start, sentence_end = sentence_bounds(self.document, quote)
        sentence_start = max(sentence_start, earliest)
        close = quote.end
        while close < len(text) and text[close] in MARKS + " \u00a0\u202f":
            close += 1
        if not quote.in_title and (close >= sentence_end or text[close : close + 1] in ".?!…"):
            # '„Q.“ Sagte er' is rare; '„Q“, sagte er' may be split after the marks
            paragraph = self.document.paragraphs[quote.paragraph]
            sentence_end = min(paragraph.end, max(sentence_end, close + 160))
        if text[close : close + 1] in ".?!…" or text[quote.end - 1 : quote.end] in ".?!…":
            after: list[Token] = []  # '„Das ist gut.“ Müller ging.': a new sentence
        else:
            after = tokens(text, close, self.next_quotation(quote.end, sentence_end))
        opening = quote.start
        while opening > sentence_start and text[opening - 1] in MARKS + " \u00a0\u202f":
            opening -= 1
        before = tokens(text, sentence_start, opening)
        return (
            self.after_cue(after)
            or self.after_subject(after)
            or self.preposition(after[_skip_dash(after) :])
            or self.before_cue(before)
            or self.preposition(before)
            or self.inside_dashes(quote)
            or self.label(before)
        )

    def label(self, before: list[Token]) -> Attribution | None:
        """label: a name and a colon before the quotation, all its sentence says, as
        headlines and interview lines write it (Scholz: „Wir stehen an eurer Seite“)."""
        if len(before) < 2 or before[-1].text != ":":
            return None
        phrase = self.phrase(before, 0)
        if phrase is None or phrase.pronoun or phrase.next_index != len(before) - 1:
            return None
        return Attribution("label", ":", phrase, before[-1].end)

    def inside_dashes(self, quote: Quote) -> Attribution | None:
        """inside_dashes: the attribution set off by dashes inside the marks, as Italian and
        Spanish news write it: «Siamo pronti - ha detto il ministro - a fare la nostra
        parte», «Es un día histórico —dijo el alcalde—, porque …»."""
        for dashes in _DASHES.finditer(self.text, quote.start, quote.end):
            row = tokens(self.text, dashes.start("inner"), dashes.end("inner"))
            cue = self.cue_at(row, 0) if row else None
            if cue is None:
                continue
            cue_end, pronoun = cue
            phrase = pronoun or self.subject_after(row, cue_end, described=True)
            cue_text = self.text[row[0].start : row[cue_end - 1].end]
            if phrase is not None:
                return Attribution("inside_dashes", cue_text, phrase, quote.end)
            if self.words.drops_subjects:
                return Attribution("dropped_subject", cue_text, None, quote.end)
        return None

    def names_a_title(self, quote: Quote) -> bool:
        """names_a_title: a quotation of capitalised words after a determiner or a noun names
        a newspaper, a group or a work, not what anyone said ("sagte der Mann der
        „Mittelbayerischen Zeitung“", "referiu à revista «Post Update»")."""
        text = self.text
        if not is_title(text[quote.start : quote.end]):
            return False
        opening = quote.start
        while opening > 0 and text[opening - 1] in MARKS + " \u00a0\u202f":
            opening -= 1
        before = tokens(text, max(0, opening - 40), opening)
        if not before:
            return False
        word = before[-1]
        words = self.words
        if word.lower in words.determiners or word.lower in words.role_links:
            return True
        return (
            word.text.isalpha()
            and word.text.islower()
            and not self.cue_at(before, len(before) - 1)
            and words.pronoun_sex(word.lower) is None
            and word.lower not in words.complementizers
        )

    def next_quotation(self, position: int, end: int) -> int:
        found = bisect_right(self.quoted, (position, len(self.text)))
        return self.quoted[found][0] if found < len(self.quoted) else end

    def after_cue(self, after: list[Token]) -> Attribution | None:
        """after_inverted, after_pronoun, dropped_subject: a cue after the quotation."""
        i = _skip_dash(after)
        if i >= len(after):
            return None
        cue = self.cue_at(after, i)
        if cue is None:
            return None
        cue_end, pronoun = cue
        cue_text = self.text[after[i].start : after[cue_end - 1].end]
        phrase = pronoun or self.subject_after(after, cue_end, described=True)
        if phrase is None:
            if not self.words.drops_subjects:
                return None  # German, French and Dutch name the subject
            return Attribution("dropped_subject", cue_text, None, after[cue_end - 1].end)
        kind = "after_pronoun" if phrase.pronoun else "after_inverted"
        return Attribution(kind, cue_text, phrase, max(phrase.end, after[cue_end - 1].end))

    def after_subject(self, after: list[Token]) -> Attribution | None:
        """after_subject: the subject, then its cue, after the quotation."""
        phrase = self.phrase(after, _skip_dash(after))
        if phrase is None or phrase.next_index >= len(after):
            return None
        cue = self.cue_at(after, phrase.next_index)
        if cue is None:
            return None
        cue_text = self.text[after[phrase.next_index].start : after[cue[0] - 1].end]
        return Attribution("after_subject", cue_text, phrase, after[cue[0] - 1].end)

    def preposition(self, row: list[Token]) -> Attribution | None:
        """preposition: "laut Müller", "selon le maire", "según la ministra", "der
        Ministerin zufolge"."""
        for i, token in enumerate(row):
            phrase = None
            if token.lower in self.words.prepositions_attributing:
                phrase = self.phrase(row, i + 1)
            elif token.lower in self.words.postpositions_attributing:
                phrase = next(
                    (
                        found
                        for start in range(max(0, i - 6), i)
                        if (found := self.phrase(row, start)) is not None and found.next_index == i
                    ),
                    None,
                )
            if phrase is not None:
                return Attribution("preposition", token.text, phrase, max(phrase.end, token.end))
        return None

    def before_cue(self, before: list[Token]) -> Attribution | None:
        """before_colon, before_subject, before_inverted: a cue before the quotation, its
        subject before it (after a colon or inside the sentence) or after it."""
        for i in range(len(before) - 1, -1, -1):
            cue = self.cue_at(before, i)
            if cue is None:
                continue
            cue_end, pronoun = cue
            while i > 0 and before[i - 1].lower in self.words.auxiliaries:
                i -= 1  # "Ha spiegato il ministro", "Conte ha detto"
            cue_text = self.text[before[i].start : before[cue_end - 1].end]
            until = before[cue_end - 1].end
            subject = self.subject_before(before, i)
            if subject is not None:
                colon = before[-1].text == ":"
                return Attribution(
                    "before_colon" if colon else "before_subject", cue_text, subject, until
                )
            phrase = pronoun or self.subject_after(before, cue_end)
            if phrase is not None:
                return Attribution("before_inverted", cue_text, phrase, max(phrase.end, until))
        return None

    def introduced_by(self, quote: Quote) -> Attribution | None:
        """previous_sentence: the sentence before a quotation that opens its own, when that
        sentence has a cue and a subject and no quotation of its own."""
        sentences = self.document.sentences
        index = quote.sentence
        if index is None or index == 0:
            return None
        previous = sentences[index - 1]
        if previous.paragraph < quote.paragraph - 1 or (
            self.next_quotation(previous.start - 1, previous.end) < previous.end
        ):
            return None
        found = self.before_cue(tokens(self.text, previous.start, previous.end))
        if found is None:
            return None
        return Attribution("previous_sentence", found.cue, found.phrase, found.until)
