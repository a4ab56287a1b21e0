"""Each language's quotation words, and the words of a text as the quotation rules read
them: tokens, the speaker mentions they make (`Phrase`), the people an article names
(`Person`)."""

import re
from dataclasses import dataclass
from functools import cache

from newscli import gender
from newscli.lexicon import QUOTATION_WORDS

#: the languages read here
LANGUAGES = frozenset(QUOTATION_WORDS)
MALE, FEMALE = gender.MALE, gender.FEMALE
#: the most words of a person's name
NAME_WORDS = 5
#: the most words between a cue and its inverted subject ("sagte am Montag in Berlin der")
SKIPPED_WORDS = 5
#: quotation marks, which end a phrase
MARKS = "“”„«»\"‘’‚'"
#: the double marks, whose sentence is no reported speech (single ones may be apostrophes)
DOUBLE_MARKS = '“”„«»"'
#: French inverted pronouns written onto their verb: "a-t-il", "ajoute-t-elle", "dit-il"
INVERTED_PRONOUN = re.compile(r"^(?P<verb>.+?)(?:-t)?-(?P<pronoun>il|elle|ils|elles|on)$")


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
    indefinite_determiners: frozenset[str]
    male_pronouns: frozenset[str]
    female_pronouns: frozenset[str]
    name_particles: frozenset[str]
    role_links: frozenset[str]
    prepositions: frozenset[str]
    function_words: frozenset[str]
    time_words: frozenset[str]
    complementizers: frozenset[str]
    cue_adverbs: frozenset[str]
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
    def particles_after_first_name(self) -> bool:
        """German and Dutch put a name's particles after the first name ("Ursula von der
        Leyen", "Mark van Dijk"), never after two names."""
        return self.language in ("de", "nl")

    @property
    def drops_subjects(self) -> bool:
        """Spanish, Italian and Portuguese leave a pronoun subject out: «Q», dijo."""
        return self.language in ("es", "it", "pt")

    def role_sex(self, word: str) -> tuple[bool, str | None]:
        """Whether a word is a role, and the sex its form gives (German "Ministerin" is a
        woman, "Minister" a man; French "ministre" says nothing)."""
        lower = word.lower()
        # "secretário-geral", "Ex-Minister": a hyphenated word holding a role is one
        parts = lower.split("-") if "-" in lower else ()
        female = self.compounds and _ends_with(lower, self.female_roles)
        if lower in self.female_roles or female or any(p in self.female_roles for p in parts):
            return True, FEMALE
        male = self.compounds and _ends_with(lower, self.roles)
        if lower in self.roles or male or any(p in self.roles for p in parts):
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


def is_name_word(token: Token) -> bool:
    return token.capitalised and token.text[0].isalpha()


def span(row: list[Token], first: int, end: int) -> tuple[int, int]:
    """Where row[first:end] stands in the text."""
    return row[first].start, row[end - 1].end
