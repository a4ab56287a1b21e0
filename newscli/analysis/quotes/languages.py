"""Quotations and their speakers in German, French, Spanish, Italian, Portuguese and Dutch.

The same stages as English (find → attribute → inherit → resolve → indirect), driven by
each language's words (`newscli.lexicon`'s QUOTATION_WORDS) instead of English patterns:

1. find: the quotation marks as the language uses them (`newscli.quotemarks`: German
   »…« and „…“, French « … », Spanish «… “…” …», Dutch ‘…’).
2. attribute: the named rules of RULES, tried in order, each with an invented example:
   a cue after the quotation with its subject inverted (`„…“, sagte Müller`), a cue and
   its subject before it (`Müller sagte: „…“`), a preposition (`selon le ministre`).
   Speakers are read from the words next to the cue (a pronoun, a role and the name after
   it, a title and a name, a capitalised run), not from the entity tagger alone, whose
   spans only add the people the article names.
3. inherit: a quotation with no attribution of its own takes the speaker of the one it
   continues, or of the sentence before that introduces it.
4. resolve: a surname to the fullest name the article gives, a pronoun to the last person
   of its grammatical gender, a role ("la ministra") to the last person holding it.
5. indirect: reported speech without marks (`Er sagte, er sei …`), on request.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from newscli import gender, schema
from newscli.analysis.quotes.find import (
    SCARE_MAX_WORDS,
    Quote,
    find_quotations,
    opens_paragraph,
    sentence_at,
    sentence_bounds,
    to_record,
    trimmed,
)
from newscli.document import Document
from newscli.lexicon import QUOTATION_WORDS
from newscli.schema import QuoteKind

#: the languages read here
LANGUAGES = frozenset(QUOTATION_WORDS)
MALE, FEMALE = gender.MALE, gender.FEMALE
#: the most words of a person's name
_NAME_WORDS = 5
#: the most words between a cue and its inverted subject ("sagte am Montag in Berlin der")
_SKIPPED_WORDS = 5
#: quotation marks, which end a phrase
_MARKS = "“”„«»\"‘’‚'"
#: the double marks, whose sentence is no reported speech (single ones may be apostrophes)
_DOUBLE_MARKS = '“”„«»"'
#: French inverted pronouns written onto their verb: "a-t-il", "ajoute-t-elle", "dit-il"
_INVERTED_PRONOUN = re.compile(r"^(?P<verb>.+?)(?:-t)?-(?P<pronoun>il|elle|ils|elles|on)$")


@dataclass(frozen=True)
class Words:
    """One language's quotation words, from the lexicon."""

    speech_verbs: frozenset[str]
    auxiliaries: frozenset[str]
    prepositions_attributing: frozenset[str]
    roles: frozenset[str]
    female_roles: frozenset[str]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    determiners: frozenset[str]
    male_determiners: frozenset[str]
    female_determiners: frozenset[str]
    male_pronouns: frozenset[str]
    female_pronouns: frozenset[str]
    name_particles: frozenset[str]
    role_links: frozenset[str]
    prepositions: frozenset[str]
    function_words: frozenset[str]
    time_words: frozenset[str]
    complementizers: frozenset[str]
    postposed_cues: frozenset[str] = frozenset()
    postpositions_attributing: frozenset[str] = frozenset()
    subjunctive_forms: frozenset[str] = frozenset()

    #: the language's code
    language: str = ""

    @property
    def compounds(self) -> bool:
        """German and Dutch write a role into a compound ("Bundesfinanzminister")."""
        return self.language in ("de", "nl")

    @property
    def capitalises_nouns(self) -> bool:
        """German: a capitalised word after a noun is no more a name than the noun."""
        return self.language == "de"

    @property
    def drops_subjects(self) -> bool:
        """Spanish, Italian and Portuguese leave a pronoun subject out: «Q», dijo."""
        return self.language in ("es", "it", "pt")

    def role_sex(self, word: str) -> tuple[bool, str | None]:
        """Whether a word is a role, and the sex its form gives (German "Ministerin" is a
        woman, "Minister" a man; French "ministre" says nothing)."""
        lower = word.lower()
        if lower in self.female_roles or self.compounds and _ends_with(lower, self.female_roles):
            return True, FEMALE
        if lower in self.roles or self.compounds and _ends_with(lower, self.roles):
            # only German's male forms are male: "el presidente" may be "la presidente"
            return True, MALE if self.language == "de" else None
        return False, None

    def is_role(self, word: str) -> bool:
        return self.role_sex(word)[0]

    def pronoun_sex(self, word: str) -> str | None:
        lower = word.lower()
        if lower in self.male_pronouns:
            return MALE
        if lower in self.female_pronouns:
            return FEMALE
        return None

    def title_sex(self, word: str) -> str | None:
        lower = word.lower()
        if lower in self.male_titles:
            return MALE
        if lower in self.female_titles:
            return FEMALE
        return None


def _ends_with(word: str, endings: frozenset[str]) -> bool:
    """A compound ending with a role of at least five letters ("Regierungssprecher"), or
    with any role after a hyphen ("CDU-Chef")."""
    if "-" in word and word.rsplit("-", 1)[1] in endings:
        return True
    return any(word.endswith(ending) for ending in endings if len(ending) >= 5)


@cache
def words_of(language: str) -> Words:
    return Words(**QUOTATION_WORDS[language], language=language)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


#: words (with their apostrophes and hyphens), elided articles apart ("l'AFP", "dell'Interno"),
#: an abbreviated title with its dot ("Mme", "M.", "Sr."), and each punctuation mark
_TOKEN = re.compile(
    r"[dD]['’]après|(?:[A-Za-z]{1,4}['’](?=\w))|(?:M|Dr|Prof|Sr|Sra|Sig|Dhr|Mevr|Mw)\.(?=\s)|"
    r"\w+(?:[-'’.]\w+)*|[^\w\s]"
)


def tokens(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


@dataclass(frozen=True)
class Phrase:
    """A speaker mention read from the words: a pronoun, a role, a name, or a role and a
    name ("le ministre de l'Intérieur, Gérald Darmanin")."""

    start: int
    end: int
    #: the token index after it
    next_index: int
    pronoun: str | None = None
    #: where the name and the role stand (character offsets)
    name: tuple[int, int] | None = None
    role: tuple[int, int] | None = None
    sex: str | None = None
    #: whether the sex is only the determiner's ("il sindaco Sara Funaro": a first name
    #: says more)
    sex_by_determiner: bool = False


@dataclass
class Person:
    """A person the article names, where, with the role and sex the text gives them."""

    start: int
    name: str
    role: str | None
    sex: str | None


#: the rules, by id, in the order attribution tries them, each with an invented example
RULES = {
    # attribution from the quotation's own sentence
    "after_inverted": "„Wir schaffen das“, sagte Müller. / «Es un error», dijo la ministra.",
    "after_pronoun": "„Das ist falsch“, sagte sie. / « Non », a-t-elle répondu.",
    "dropped_subject": "«Es un error», dijo. (the subject left out: the one quoted before)",
    "after_subject": "«Não vamos desistir», o ministro disse.",
    "preposition": "Laut Müller ist die Lage „ernst“. / « C'est un échec », selon le maire.",
    "before_colon": "Müller sagte: „Wir schaffen das.“ / Le ministre a déclaré : « Non. »",
    "before_subject": "Müller sagte, die Lage sei „sehr ernst“.",
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


class Reader:
    """An article's words read for quotations in its language."""

    def __init__(self, document: Document, language: str, spans: Iterable[Any]):
        self.document = document
        self.text = document.text
        self.words = words_of(language)
        self.quoted: list[tuple[int, int]] = []
        self.people: list[Person] = []
        #: (position, person) of every mention of a person, in text order
        self.mentions: list[tuple[int, Person]] = []
        self._spans = list(spans)

    # --- phrases: who a mention names ---

    def name_run(self, row: list[Token], i: int) -> int:
        """The end (token index) of a run of capitalised words from i, joined by particles
        ("Ursula von der Leyen", "Lula da Silva"); i itself when there is none."""
        j = i
        count = 0
        joined = False  # one group of particles: "Wouter de Vries", not "... van de GGD"
        while j < len(row) and count < _NAME_WORDS:
            token = row[j]
            if token.capitalised and token.text[0].isalpha() and not self._stops_name(token):
                j += 1
                count += 1
                continue
            # "von der Leyen", "Bruno Le Maire", and a surname opening with one: "Le Gall"
            particles = j
            while particles < len(row) and row[particles].lower in self.words.name_particles:
                particles += 1
            if not joined and j < particles < len(row) and _is_name_word(row[particles]):
                joined = True
                count += particles + 1 - j
                j = particles + 1
                continue
            break
        return j

    def name_start(self, row: list[Token], start: int, end: int) -> int:
        """Where a name of three words or more starts: at a first name after words that
        are none ("Anwohnerin Gertrud Lehmann", "Oberst Markus Kühn")."""
        for k in range(start, end - 1):
            word = row[k]
            if word.lower in self.words.name_particles or self._stops_name(word):
                continue
            if gender.of_first_name(word.text) is not None:
                return k
        return start

    def sex_of_name(self, name: str) -> str | None:
        """The sex a person's first name gives ("Anna Müller"), if the name has one."""
        words = name.split()
        if len(words) < 2 or words[0].lower() in self.words.name_particles:
            return None
        return gender.of_first_name(words[0])

    def _stops_name(self, token: Token) -> bool:
        words = self.words
        lower = token.lower
        return (
            lower in words.function_words
            or lower in words.time_words
            or lower in words.speech_verbs
            or lower in words.auxiliaries
            or lower in words.prepositions_attributing
            or words.pronoun_sex(lower) is not None
            or words.title_sex(lower) is not None
            or words.is_role(token.text)
        )

    def phrase(self, row: list[Token], i: int) -> Phrase | None:
        """The speaker mention starting at row[i], if one does: a pronoun, a title and a
        name, a determiner and a role (and a name), a role and a name, or a name."""
        if i >= len(row):
            return None
        words = self.words
        token = row[i]
        pronoun = words.pronoun_sex(token.text)
        if pronoun is not None:
            return Phrase(token.start, token.end, i + 1, pronoun=token.lower, sex=pronoun)
        if i and token.capitalised and token.lower in words.name_particles:
            # "zei De Jonge", "a dit M. Le Gall": a surname opening with a particle
            end = self.name_run(row, i)
            if end > i + 1 and row[i - 1].text not in ".!?:" + _MARKS:
                return Phrase(token.start, row[end - 1].end, end, name=_span(row, i, end))
        sex = None
        j = i
        if token.lower in words.determiners:
            if token.lower in words.female_determiners:
                sex = FEMALE
            elif token.lower in words.male_determiners:
                sex = MALE
            j = i + 1
        if j < len(row) and words.title_sex(row[j].text) is not None:
            end = self.name_run(row, j + 1)
            if end == j + 1:
                return None
            sex = words.title_sex(row[j].text)
            name = _span(row, j + 1, end)
            return Phrase(token.start, row[end - 1].end, end, name=name, sex=sex)
        # a role within three words of its determiner ("der neue Minister", "le Premier
        # ministre"); without one, the role comes first ("Innenministerin Nancy Faeser")
        role_at = None
        by_determiner = False
        for k in range(j, min(j + 3, len(row)) if j > i else min(j + 1, len(row))):
            if not row[k].text[:1].isalpha():
                break
            is_role, role_sex = words.role_sex(row[k].text)
            if is_role:
                role_at = k
                sex = role_sex or sex
                by_determiner = role_sex is None and sex is not None
                break
        if role_at is None:
            if j > i:
                return self._described(row, i, j, sex)
            end = self.name_run(row, i)
            if end == i:
                return None
            name = _span(row, self.name_start(row, i, end), end)
            return Phrase(token.start, row[end - 1].end, end, name=name)
        role_end = role_at + 1
        while role_end < len(row) and words.is_role(row[role_end].text):
            role_end += 1  # "le Premier ministre", "o primeiro-ministro"
        if role_end + 1 < len(row) and self._describes_role(row[role_end], row[role_end + 1]):
            role_end += 1  # "el presidente canario", "el secretario general del sindicato"
        # "de l'Intérieur", "del Gobierno", "für Wirtschaft", "van Financiën"
        while role_end < len(row) and row[role_end].lower in words.role_links:
            k = role_end + 1
            if k < len(row) and row[k].lower in words.determiners:
                k += 1
            if k >= len(row) or not row[k].text[:1].isalpha():
                break
            role_end = k + 1
        run_end = self.name_run(row, role_end)
        if run_end > role_end and self._apposed(row, run_end):
            role_end = run_end  # "do Rio Grande do Sul, Eduardo Leite": the role's place
        role = _span(row, j, role_end)
        end = self._apposed(row, role_end)
        if end is not None:
            # "el ministro de Economía, Carlos Cuerpo": a name set off after its role
            name = _span(row, role_end + 1, end)
            return Phrase(
                token.start,
                row[end - 1].end,
                end,
                name=name,
                role=role,
                sex=sex,
                sex_by_determiner=by_determiner,
            )
        end = self.name_run(row, role_end)
        if end > role_end:
            name = _span(row, role_end, end)
            return Phrase(
                token.start,
                row[end - 1].end,
                end,
                name=name,
                role=role,
                sex=sex,
                sex_by_determiner=by_determiner,
            )
        return Phrase(
            token.start,
            row[role_end - 1].end,
            role_end,
            role=role,
            sex=sex,
            sex_by_determiner=by_determiner,
        )

    def _apposed(self, row: list[Token], comma: int) -> int | None:
        """The end of a name set off by commas at row[comma] (", Carlos Cuerpo,"), or None."""
        if comma >= len(row) or row[comma].text != ",":
            return None
        end = self.name_run(row, comma + 1)
        closes = end >= len(row) or not row[end].text[:1].isalnum()
        return end if end > comma + 1 and closes else None

    def _described(self, row: list[Token], i: int, j: int, sex: str | None) -> Phrase | None:
        """A determiner, a noun or two and a name set off after them: "a proprietária,
        Teresa Ferreira"; "der Zeitung", a determiner with no name, is no speaker."""
        for comma in range(j + 1, min(j + 3, len(row))):
            if not all(t.text.isalpha() and t.text.islower() for t in row[j:comma]):
                return None
            end = self._apposed(row, comma)
            if end is not None:
                name, role = _span(row, comma + 1, end), _span(row, j, comma)
                return Phrase(
                    row[i].start,
                    row[end - 1].end,
                    end,
                    name=name,
                    role=role,
                    sex=sex,
                    sex_by_determiner=True,
                )
        return None

    def _describes_role(self, word: Token, after: Token) -> bool:
        """A lowercase adjective after a role, before a name or a mark ("el presidente
        canario, Fernando Clavijo", "il ministro", not "dijo" nor "de")."""
        words = self.words
        lower = word.lower
        return (
            word.text.isalpha()
            and word.text.islower()
            and (not after.text.islower() or after.lower in words.role_links)
            and lower not in words.speech_verbs
            and lower not in words.auxiliaries
            and lower not in words.function_words
            and lower not in words.prepositions
            and lower not in words.role_links
            and lower not in words.complementizers
            and words.pronoun_sex(lower) is None
        )

    def cue_at(self, row: list[Token], i: int) -> tuple[int, Phrase | None] | None:
        """A speech cue starting at row[i]: the index after it, and the pronoun written
        onto it ("a-t-il ajouté"), or None."""
        words = self.words
        token = row[i]
        inverted = _INVERTED_PRONOUN.match(token.text) if "-" in token.text else None
        verb = inverted["verb"].lower() if inverted else token.lower
        pronoun = None
        if inverted:
            offset = token.start + inverted.start("pronoun")
            found = inverted["pronoun"]
            sex = words.pronoun_sex(found)
            pronoun = Phrase(offset, offset + len(found), i + 1, pronoun=found.lower(), sex=sex)
        if verb in words.speech_verbs or verb in words.postposed_cues:
            return i + 1, pronoun
        if verb in words.auxiliaries:
            # "a déclaré", "ha detto", "a-t-il ajouté", "hat er gesagt"
            for k in range(i + 1, min(i + 4, len(row))):
                if row[k].lower in words.speech_verbs:
                    return k + 1, pronoun
                if not row[k].text.isalpha() or row[k].capitalised:
                    break
        return None

    def subject_after(self, row: list[Token], i: int) -> Phrase | None:
        """The inverted subject after a cue, past a few words of time, place or listener
        ("sagte am Montag der Minister", "dijo a EFE el ministro", "zei hij")."""
        words = self.words
        skipped = 0
        after_preposition = False
        while i < len(row) and skipped < _SKIPPED_WORDS:
            token = row[i]
            lower = token.lower
            if token.text in _MARKS or token.text in ".;:!?":
                return None
            if lower in words.prepositions:
                after_preposition = True
            elif after_preposition and (
                token.capitalised
                and words.pronoun_sex(lower) is None
                or lower in words.determiners
                and not any(words.is_role(t.text) for t in row[i + 1 : i + 4])
            ):
                pass  # "à l'AFP", "a EFE", "gegenüber der dpa": to whom it was said
            elif lower not in words.time_words:
                found = self.phrase(row, i)
                if found is not None:
                    return found
                if token.capitalised or token.text == ",":
                    return None
                after_preposition = False
            i += 1
            skipped += 1
        return None

    def subject_before(self, row: list[Token], cue: int) -> Phrase | None:
        """The subject right before a cue, opening its clause: a pronoun, a name, a role
        ("Der Minister sagte", "La ministra de Hacienda, María Jesús Montero, dijo")."""
        end = cue
        if end and row[end - 1].text == ",":
            end -= 1  # the comma closing an apposition
        for start in range(max(0, end - 10), end):
            opens_clause = start == 0 or row[start - 1].text in ",;:" + _MARKS
            if not opens_clause:
                continue
            phrase = self.phrase(row, start)
            if phrase is not None and phrase.next_index in (end, cue):
                return phrase
        return None

    # --- the rules ---

    def attribute(self, quote: Quote, earliest: int) -> Attribution | None:
        """The quotation's attribution from its own sentence, by the first rule that
        finds one."""
        text = self.text
        sentence_start, sentence_end = sentence_bounds(self.document, quote)
        sentence_start = max(sentence_start, earliest)
        close = quote.end
        while close < len(text) and text[close] in _MARKS + " \u00a0\u202f":
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
        while opening > sentence_start and text[opening - 1] in _MARKS + " \u00a0\u202f":
            opening -= 1
        before = tokens(text, sentence_start, opening)
        return (
            self.after_cue(after)
            or self.after_subject(after)
            or self.preposition(after[_skip_dash(after) :])
            or self.before_cue(before)
            or self.preposition(before)
        )

    def next_quotation(self, position: int, end: int) -> int:
        return next((start for start, _ in self.quoted if start > position), end)

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
        phrase = pronoun or self.subject_after(after, cue_end)
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
        if previous.paragraph < quote.paragraph - 1 or any(
            previous.start <= start < previous.end for start, _ in self.quoted
        ):
            return None
        found = self.before_cue(tokens(self.text, previous.start, previous.end))
        if found is None:
            return None
        return Attribution("previous_sentence", found.cue, found.phrase, found.until)

    # --- who the article names ---

    def gather_people(self, speakers: Iterable[Phrase]) -> None:
        """The people the article names: each with a role or title before their name, each
        speaker named in full, each name of two words or more the tagger read as a person;
        then every place one of them is named, in full or by a part of their name."""
        found: dict[int, Person] = {}
        speakers = list(speakers)
        named = {
            tuple(self.text[p.name[0] : p.name[1]].split()) for p in speakers if p.name is not None
        }
        for paragraph in self.document.paragraphs:
            row = tokens(self.text, paragraph.start, paragraph.end)
            self._fuller_names(row, named, found)
            for i, token in enumerate(row):
                if self.in_quotation(token.start):
                    continue
                if not (self.words.is_role(token.text) or self.words.title_sex(token.text)):
                    continue
                start = i - 1 if i and row[i - 1].lower in self.words.determiners else i
                phrase = self.phrase(row, start)
                if phrase is not None and phrase.name is not None:
                    self.add_person(phrase, found)
        for phrase in speakers:
            if phrase.name is not None and " " in self.text[phrase.name[0] : phrase.name[1]]:
                self.add_person(phrase, found)
        for span in self._spans:
            if span.label != "PERSON" or self.in_quotation(span.start):
                continue
            row = tokens(self.text, span.start, span.end)
            start = 0
            before = self.text[max(0, span.start - 30) : span.start].split()
            if before and before[-1].lower() in self.words.role_links:
                start = 1  # "minister van Onderwijs Eppo Bruins": the role's, then the name
            while start < len(row) and (self._stops_name(row[start]) or not row[start].capitalised):
                start += 1
            end = self.name_run(row, start)
            start = self.name_start(row, start, end)
            if end - start >= 2 and end == len(row):
                name = self.text[row[start].start : row[end - 1].end]
                person = Person(row[start].start, name, None, self.sex_of_name(name))
                found.setdefault(row[start].start, person)
        self.people = sorted(found.values(), key=lambda p: p.start)
        self.mentions = self._mentions()

    def _fuller_names(
        self, row: list[Token], named: set[tuple[str, ...]], found: dict[int, Person]
    ) -> None:
        """A speaker's name where the article gives it with more words before it ("Yannick
        Le Gall" for "Le Gall"): a person, though no role or title introduces them."""
        texts = [t.text for t in row]
        for k in range(1, len(row) - 1):
            # "apotheker Pieter Smit", "le cordonnier Paul Mercier": a name after a noun
            described = row[k - 1]
            if not (described.text.isalpha() and described.text.islower()) or not _is_name_word(
                row[k]
            ):
                continue
            if described.lower in self.words.function_words or self.in_quotation(row[k].start):
                continue
            if (
                described.lower in self.words.role_links
                or described.lower in self.words.prepositions
            ):
                continue
            end = self.name_run(row, k)
            first_name = gender.of_first_name(row[k].text) is not None
            if end - k >= 2 and (first_name or not self.words.capitalises_nouns):
                whole = self.text[row[k].start : row[end - 1].end]
                found.setdefault(
                    row[k].start, Person(row[k].start, whole, None, self.sex_of_name(whole))
                )
        for name in named:
            for k in range(1, len(row) - len(name) + 1):
                if tuple(texts[k : k + len(name)]) != name or self.in_quotation(row[k].start):
                    continue
                first = k
                while first > 0 and first > k - 3 and _is_name_word(row[first - 1]):
                    if self._stops_name(row[first - 1]) or self._completes_role(row, first - 1):
                        break
                    first -= 1
                first = self.name_start(row, first, k + len(name))
                if first < k:
                    whole = self.text[row[first].start : row[k + len(name) - 1].end]
                    person = Person(row[first].start, whole, None, self.sex_of_name(whole))
                    found.setdefault(row[first].start, person)

    def _completes_role(self, row: list[Token], k: int) -> bool:
        """Whether row[k] says what a role is of ("minister van Onderwijs"), or is a
        capitalised German noun: not a first name either way."""
        if self.words.capitalises_nouns and gender.of_first_name(row[k].text) is None:
            return True
        words = self.words
        link = k - 1
        if link > 0 and row[link].lower in words.determiners:
            link -= 1  # "ministre de l'Intérieur"
        return (
            link > 0 and row[link].lower in words.role_links and words.is_role(row[link - 1].text)
        )

    def add_person(self, phrase: Phrase, found: dict[int, Person]) -> None:
        assert phrase.name is not None
        start = phrase.name[0]
        name = self.text[start : phrase.name[1]]
        role = self.text[phrase.role[0] : phrase.role[1]] if phrase.role else None
        known = self.resolve_name(name, start, among=list(found.values()))
        sex = None if phrase.sex_by_determiner else phrase.sex
        sex = sex or self.sex_of_name(name) or phrase.sex or (known.sex if known else None)
        if known is not None and len(known.name.split()) >= len(name.split()):
            name = known.name  # "Ministerin Müller" after "Anna Müller"
            role = role or known.role
        person = found.get(start)
        if person is None or person.role is None and role is not None:
            found[start] = Person(start, name, role, sex)

    def _mentions(self) -> list[tuple[int, Person]]:
        by_word: dict[str, Person] = {}
        for person in self.people:
            by_word[person.name.split()[-1]] = person
        mentions = [(p.start, p) for p in self.people]
        named = {p.start for p in self.people}
        for match in _WORD.finditer(self.text):
            person = by_word.get(match.group())
            at = match.start()
            if person is not None and at not in named and not self.in_quotation(at):
                whole = self.resolve_name(match.group(), at) or person
                mentions.append((at, whole))
        return sorted(mentions, key=lambda m: m[0])

    def in_quotation(self, position: int) -> bool:
        return any(start <= position < end for start, end in self.quoted)

    def resolve_name(
        self, name: str, position: int, among: list[Person] | None = None
    ) -> Person | None:
        """resolve_surname: the person the article names most fully by these words, the
        last named before position on a tie."""
        words = name.lower().split()
        best = None
        for person in self.people if among is None else among:
            full = person.name.lower().split()
            if not any(
                full[k : k + len(words)] == words for k in range(len(full) - len(words) + 1)
            ):
                continue
            longer = best is None or len(full) > len(best.name.split())
            same = best is not None and len(full) == len(best.name.split())
            if longer or same and person.start < position:
                best = person
        return best

    def mentions_before(self, position: int) -> list[Person]:
        return [p for at, p in self.mentions if at < position]

    def resolve_pronoun(self, sex: str | None, position: int) -> Person | None:
        """resolve_pronoun: the last person named before position whose sex fits."""
        for person in reversed(self.mentions_before(position)):
            if sex is None or person.sex in (None, sex):
                return person
        return None

    def resolve_role(self, role: str, sex: str | None, position: int) -> Person | None:
        """resolve_role: the last person named before position holding the role ("la
        ministra": "la ministra de Hacienda, María Montero"), their sex fitting."""
        heads = [w.lower() for w in role.split() if self.words.is_role(w)]
        for person in reversed(self.mentions_before(position)):
            if person.role is None or sex is not None and person.sex not in (None, sex):
                continue
            held = person.role.lower()
            if any(_same_role(head, held) for head in heads):
                return person
        return None

    def resolve(self, quote: Quote, phrase: Phrase | None, previous: Quote | None) -> None:
        """The speaker's full name and role, from the mention the attribution found."""
        position = quote.speaker_start if quote.speaker_start is not None else quote.start
        if phrase is None:  # dropped_subject: whoever was quoted just before, or last named
            if previous is not None and previous.speaker is not None:
                quote.speaker, quote.role = previous.speaker, previous.role
            else:
                person = self.resolve_pronoun(None, position)
                if person is not None:
                    quote.speaker, quote.role = person.name, person.role
            return
        text = self.text
        if phrase.pronoun is not None:
            person = self.resolve_pronoun(phrase.sex, position)
            if person is not None:
                quote.speaker, quote.role = person.name, person.role
                quote.rules.append("resolve_pronoun")
            return
        role_text = text[phrase.role[0] : phrase.role[1]] if phrase.role else None
        if phrase.name is not None:
            name = text[phrase.name[0] : phrase.name[1]]
            person = self.resolve_name(name, position)
            quote.speaker = person.name if person else name
            quote.role = role_text or (person.role if person else None)
            if role_text is not None:
                quote.rules.append("role_before_name")
            if person is not None and person.name != name:
                quote.rules.append("resolve_surname")
            return
        person = self.resolve_role(role_text or "", phrase.sex, position)
        if person is not None:
            quote.speaker, quote.role = person.name, person.role
            quote.rules.append("resolve_role")
        else:
            quote.speaker, quote.role = text[phrase.start : phrase.end], role_text


_WORD = re.compile(r"\b[^\W\d_][\w-]*")


def _is_name_word(token: Token) -> bool:
    return token.capitalised and token.text[0].isalpha()


def _span(row: list[Token], first: int, end: int) -> tuple[int, int]:
    """Where row[first:end] stands in the text."""
    return row[first].start, row[end - 1].end


def _same_role(head: str, held: str) -> bool:
    """ "ministra" is held by "la ministra de Hacienda", "Minister" by
    "Bundesfinanzminister", "Ministerin" by "Innenministerin"."""
    return any(word == head or word.endswith(head) for word in held.split())


def quotes(
    document: Document,
    language: str,
    *,
    include_all: bool = False,
    indirect: bool = False,
    entities: Iterable[Any] | None = None,
) -> list[schema.Quote]:
    """Quote records in text order, as `newscli.analysis.quotes.quotes` gives them, for an
    article in `language` (one of LANGUAGES)."""
    return [
        to_record(document, quote)
        for quote in quotations(document, language, indirect=indirect, entities=entities)
        if include_all or quote.kind != QuoteKind.scare
    ]


def quotations(
    document: Document,
    language: str,
    *,
    indirect: bool = False,
    entities: Iterable[Any] | None = None,
) -> list[Quote]:
    """Every quotation (and with `indirect` reported speech) in text order, attributed and
    resolved, each with the ids of the rules that did it."""
    found = find_quotations(document, language)
    if not found and not indirect:
        return []
    if entities is None:
        from newscli import ner

        entities = ner.tag_document(document)
    reader = Reader(document, language, entities)
    reader.quoted = [(q.start, q.end) for q in found]
    phrases: dict[int, Phrase | None] = {}
    earliest = 0
    for index, quote in enumerate(found):
        quote.sentence = sentence_at(document.sentences, quote.start)
        found_by = reader.attribute(quote, earliest)
        if found_by is None:
            continue
        _attributed(quote, found_by, document.text)
        phrases[index] = found_by.phrase
        if found_by.until > quote.end:
            earliest = found_by.until  # '„A“, sagte er, „B“': B's attribution is not A's
    continued = _inherit(reader, found, phrases)
    reader.gather_people(p for p in phrases.values() if p is not None)
    previous: Quote | None = None
    for index, quote in enumerate(found):
        if index in continued:
            source = found[continued[index]]
            quote.speaker, quote.role = source.speaker, source.role
        elif index in phrases:
            reader.resolve(quote, phrases[index], previous)
        else:
            continue
        previous = quote
    _classify(document, found)
    if indirect:
        found.extend(reported_speech(reader, found))
        found.sort(key=lambda q: q.start)
    return found


def _attributed(quote: Quote, found: Attribution, text: str) -> None:
    quote.rules.append(found.rule)
    quote.cue = found.cue
    quote.attributed = True
    quote.attribution_end = found.until
    if found.phrase is not None:
        quote.speaker_start, quote.speaker_end = found.phrase.start, found.phrase.end
        quote.speaker_mention = text[found.phrase.start : found.phrase.end]


def _inherit(
    reader: Reader, found: list[Quote], phrases: dict[int, Phrase | None]
) -> dict[int, int]:
    """continuation and previous_sentence, for each quotation with no attribution of its
    own: the attributed quotation each continues, by index; a sentence's attribution is
    set on the quotation it introduces."""
    continued: dict[int, int] = {}
    last: int | None = None
    for index, quote in enumerate(found):
        if quote.in_title:
            continue
        if quote.attributed:
            last = index
            continue
        if last is not None and _continues(reader, found[last], quote):
            source = found[last]
            quote.cue, quote.attributed = source.cue, True
            quote.rules.append("continuation")
            quote.speaker_mention = source.speaker_mention
            quote.speaker_start, quote.speaker_end = source.speaker_start, source.speaker_end
            continued[index] = continued.get(last, last)
            last = index
            continue
        introduced = reader.introduced_by(quote)
        if introduced is not None:
            _attributed(quote, introduced, reader.text)
            phrases[index] = introduced.phrase
            last = index
    return continued


def _continues(reader: Reader, previous: Quote, quote: Quote) -> bool:
    """Whether an unattributed quotation goes on with the attributed one before it: in its
    paragraph, or opening the next one, with no other cue between them."""
    text = reader.text
    gap_start = max(previous.end, previous.attribution_end)
    if quote.paragraph == previous.paragraph:
        gap = text[gap_start : quote.start]
    elif quote.paragraph == previous.paragraph + 1 and opens_paragraph(reader.document, quote):
        gap = text[gap_start : reader.document.paragraphs[previous.paragraph].end]
    else:
        return False
    if len(gap) > 200:
        return False
    return not any(
        reader.cue_at(row, i)
        for row in [tokens(text, gap_start, gap_start + len(gap))]
        for i in range(len(row))
    )


def _classify(document: Document, found: list[Quote]) -> None:
    """Direct, partial (a phrase inside a sentence that reports it) or scare (a few
    words no one is said to have said)."""
    text = document.text
    for quote in found:
        quoted = text[quote.start : quote.end]
        words = len(quoted.split())
        sentence_start, _ = sentence_bounds(document, quote)
        lead = text[sentence_start : quote.start].rstrip(_MARKS + " \u00a0\u202f")
        embedded = bool(lead) and not lead.endswith((":", ","))
        if not quote.attributed and words <= SCARE_MAX_WORDS:
            quote.kind = QuoteKind.scare
            quote.rules.append("scare_quote")
        elif embedded and (quoted[:1].islower() or words <= SCARE_MAX_WORDS):
            quote.kind = QuoteKind.partial
        else:
            quote.kind = QuoteKind.direct


def reported_speech(reader: Reader, found: list[Quote]) -> list[Quote]:
    """indirect_subjunctive and indirect_complementizer: reported speech in a sentence
    without quotation marks, after a cue and its subject: "Er sagte, er sei …" (German's
    Konjunktiv I marks it by itself), "El ministro dijo que …"."""
    document = reader.document
    text = reader.text
    words = reader.words
    quoted = {q.sentence for q in found}
    reported: list[Quote] = []
    for sentence in document.sentences:
        if sentence.index in quoted or any(mark in sentence.text for mark in _DOUBLE_MARKS):
            continue
        row = tokens(text, sentence.start, sentence.end)
        for i in range(len(row)):
            cue = reader.cue_at(row, i)
            if cue is None:
                continue
            cue_end, pronoun = cue
            subject = reader.subject_before(row, i)
            clause_at = cue_end
            if subject is None:
                subject = pronoun or reader.subject_after(row, cue_end)
                clause_at = subject.next_index if subject is not None else cue_end
            if subject is None:
                continue
            comma = clause_at < len(row) and row[clause_at].text == ","
            clause_at += comma
            if clause_at < len(row) and row[clause_at].lower in words.complementizers:
                rule_id, clause_at = "indirect_complementizer", clause_at + 1
            elif comma and any(
                t.lower in words.subjunctive_forms for t in row[clause_at : clause_at + 8]
            ):
                rule_id = "indirect_subjunctive"
            else:
                continue
            if clause_at >= len(row):
                break
            clause = trimmed(text, row[clause_at].start, sentence.end)
            if clause is None or clause[1] - clause[0] < 10:
                break
            indirect = Quote(
                start=clause[0],
                end=clause[1],
                paragraph=sentence.paragraph,
                quotation=-1,
                sentence=sentence.index,
                kind=QuoteKind.indirect,
                cue=text[row[i].start : row[cue_end - 1].end],
                speaker_mention=text[subject.start : subject.end],
                speaker_start=subject.start,
                speaker_end=subject.end,
                rules=[rule_id],
            )
            reader.resolve(indirect, subject, None)
            reported.append(indirect)
            break
    return reported
