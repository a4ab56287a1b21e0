"""Speaker mentions read from the words next to a cue: a pronoun, a title and a name, a
determiner and a role (and a name), a role and a name, or a run of capitalised words."""

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from newscli import gender
from newscli.analysis.quotes.languages.words import (
    FEMALE,
    INVERTED_PRONOUN,
    MALE,
    MARKS,
    NAME_WORDS,
    SKIPPED_WORDS,
    Person,
    Phrase,
    Token,
    is_name_word,
    span,
    words_of,
)
from newscli.document import Document


class PhraseReader:
    """An article's words read for speaker mentions in its language."""

    def __init__(self, document: Document, language: str, spans: Iterable[Any]):
        self.document = document
        self.text = document.text
        self.words = words_of(language)
        #: (start, end) of every quotation, in text order
        self.quoted: list[tuple[int, int]] = []
        self.people: list[Person] = []
        #: (position, person) of every mention of a person, in text order
        self.mentions: list[tuple[int, Person]] = []
        self._mention_starts: list[int] = []
        #: each lower-case word of a person's name -> the people whose name holds it
        self._by_word: dict[str, list[Person]] = {}
        self._spans = list(spans)

    def in_quotation(self, position: int) -> bool:
        found = bisect_right(self.quoted, (position, len(self.text))) - 1
        return found >= 0 and self.quoted[found][0] <= position < self.quoted[found][1]

    def name_run(self, row: list[Token], i: int) -> int:
        """The end (token index) of a run of capitalised words from i, joined by particles
        ("Ursula von der Leyen", "Lula da Silva"); i itself when there is none."""
        j = i
        count = 0
        joined = False  # one group of particles: "Wouter de Vries", not "... van de GGD"
        while j < len(row) and count < NAME_WORDS:
            token = row[j]
            if token.capitalised and token.text[0].isalpha() and not self._stops_name(token):
                j += 1
                count += 1
                continue
            # "von der Leyen", "Bruno Le Maire", and a surname opening with one: "Le Gall"
            particles = j
            while particles < len(row) and row[particles].lower in self.words.name_particles:
                particles += 1
            if count >= 2 and self.words.particles_after_first_name:
                break  # "Minister Barry Madlener van Infrastructuur": what he is minister of
            opens = j > i or row[i].capitalised  # "De Jonge", not "da Serge Lemoine"
            if opens and not joined and j < particles < len(row) and is_name_word(row[particles]):
                joined = True
                count += particles + 1 - j
                j = particles + 1
                continue
            break
        return j

    def name_start(self, row: list[Token], start: int, end: int) -> int:
        """Where a name starts: at a first name after words that are none ("Anwohnerin
        Gertrud Lehmann", "Oberst Markus Kühn", "Tochter Lena")."""
        for k in range(start, end - 1):
            word = row[k]
            if word.lower in self.words.name_particles or self._stops_name(word):
                continue
            if gender.of_first_name(word.text) is not None:
                return k
        last = row[end - 1] if end - start == 2 else None
        if last is not None and gender.of_first_name(last.text) is not None:
            return end - 1  # "Tochter Lena", "Sohn Max": a noun and a first name
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
            if end > i + 1 and row[i - 1].text not in ".!?:" + MARKS:
                return Phrase(token.start, row[end - 1].end, end, name=span(row, i, end))
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
            name = span(row, j + 1, end)
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
            name = span(row, self.name_start(row, i, end), end)
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
        if role_end + 1 < len(row) and self._describes_role(row[role_end], row[role_end + 1]):
            role_end += 1  # "il ministro della difesa russo"
        role = span(row, j, role_end)

        def with_role(end: int, name: tuple[int, int] | None = None) -> Phrase:
            """The phrase from the role's first word to the token before `end`."""
            return Phrase(
                token.start,
                row[end - 1].end,
                end,
                name=name,
                role=role,
                sex=sex,
                sex_by_determiner=by_determiner,
            )

        apposed = self._apposed(row, role_end)
        if apposed is not None:
            # "el ministro de Economía, Carlos Cuerpo": a name set off after its role
            return with_role(apposed, span(row, role_end + 1, apposed))
        end = self.name_run(row, role_end)
        if end > role_end:
            name = span(row, role_end, end)
            linked = end + 1 < len(row) and row[end].lower in words.role_links
            if linked and is_name_word(row[end + 1]):
                end += 2  # "Minister Barry Madlener van Infrastructuur"
            return with_role(end, name)
        # "su portavoz en el Congreso, Miguel Tellado": a phrase of place, then the name
        if role_end < len(row) and row[role_end].lower in words.prepositions:
            comma = next(
                (k for k in range(role_end + 1, min(role_end + 5, len(row))) if row[k].text == ","),
                None,
            )
            apposed = self._apposed(row, comma) if comma is not None else None
            if apposed is not None and comma is not None:
                return with_role(apposed, span(row, comma + 1, apposed))
        return with_role(role_end)

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
                name, role = span(row, comma + 1, end), span(row, j, comma)
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

    def _describes(self, token: Token) -> bool:
        """A word of a description ("la vendeuse", "der CSU-Politiker"), not a word of
        grammar ("o governante aos jornalistas")."""
        words = self.words
        lower = token.lower
        return (
            _is_word(token)
            and not self._stops_name(token)
            and lower not in words.prepositions
            and lower not in words.role_links
            and lower not in words.determiners
            and lower not in words.complementizers
        )

    def _describes_role(self, word: Token, after: Token) -> bool:
        """A lowercase adjective after a role, before a name or a mark ("el presidente
        canario, Fernando Clavijo", "il ministro", not "dijo" nor "de")."""
        words = self.words
        lower = word.lower
        return (
            word.text.isalpha()
            and word.text.islower()
            and (
                not after.text.islower()
                or after.lower in words.role_links
                or after.lower in words.auxiliaries
                or after.lower in words.speech_verbs
            )
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
        inverted = INVERTED_PRONOUN.match(token.text) if "-" in token.text else None
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

    def subject_after(self, row: list[Token], i: int, described: bool = False) -> Phrase | None:
        """The inverted subject after a cue, past a few words of time, place or listener
        ("sagte am Montag der Minister", "dijo a EFE el ministro", "disse ainda o
        ministro"); after a quotation (`described`), a description too ("„…“, sagte die
        SPD-Politikerin"); none past any other word ("dichiarò la sua indipendenza dalla
        Jugoslavia": Jugoslavia is no speaker) or a "that" ("afferma che ...")."""
        words = self.words
        skipped = 0
        after_preposition = False
        while i < len(row) and skipped < SKIPPED_WORDS:
            token = row[i]
            lower = token.lower
            if token.text in MARKS or token.text in ".;:!?" or lower in words.complementizers:
                return None
            if lower in words.prepositions:
                after_preposition = True
            elif lower in words.time_words or lower in words.cue_adverbs:
                pass
            elif after_preposition and token.capitalised and words.pronoun_sex(lower) is None:
                after_preposition = False  # "a EFE", "ao PÚBLICO": one listener, then the speaker
            elif (
                after_preposition
                and token.text.islower()
                and not any(words.is_role(t.text) for t in row[i : i + 4])
            ):
                pass  # "à l'AFP", "gegenüber der dpa", "en rueda de prensa"
            else:
                found = self.phrase(row, i)
                if found is None:
                    # "a déclaré la vendeuse Julie Moreau"; not "ha definito la scoperta",
                    # the verb's object
                    found = self.description(row, i)
                    if found is not None and found.name is None and not described:
                        found = None
                return found
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
            opens_clause = start == 0 or row[start - 1].text in ",;:" + MARKS
            if not opens_clause:
                continue
            phrase = self.phrase(row, start) or self.description(row, start)
            if phrase is None:
                continue
            if phrase.next_index in (end, cue):
                return phrase
            if row[end].text == "," and row[phrase.next_index].text == ",":
                return phrase  # "Goran Miletic, uno degli organizzatori, ha detto"
        return None

    def description(self, row: list[Token], i: int) -> Phrase | None:
        """A speaker named by no role the lexicon knows: a determiner, a noun or two, what
        they are of, a name ("Das Gericht", "Il paleontologo Philip Tobias", "La capotreno
        del Trenord"), or a noun right before a name ("eigenaar Henk van Dam")."""
        words = self.words
        if i >= len(row):
            return None
        if row[i].lower not in words.determiners:
            # "eigenaar Henk van Dam", "arts Wouter de Vries": a noun right before a name
            noun = row[i]
            if not noun.text.isalpha() or not noun.text.islower() or self._stops_name(noun):
                return None
            if noun.lower in words.name_particles | words.role_links | words.prepositions:
                return None  # "riferito da Serge Lemoine": no noun
            end = self.name_run(row, i + 1)
            if end == i + 1:
                return None
            name, role = span(row, i + 1, end), span(row, i, i + 1)
            return Phrase(noun.start, row[end - 1].end, end, name=name, role=role)
        j = i + 1
        if j < len(row) and is_name_word(row[j]) and not words.capitalises_nouns:
            end = self.name_run(row, j)  # "la Lieberman", "La Georgia"
            if end > j:
                return Phrase(row[i].start, row[end - 1].end, end, name=span(row, j, end))
        # a noun or two ("la vendeuse", "der CSU-Politiker"); in German, whose nouns are
        # capitalised, one, so that a name after it stays a name ("der CSU-Politiker
        # Straubinger")
        most = i + 2 if words.capitalises_nouns else i + 3
        while j < min(most, len(row)) and self._describes(row[j]):
            if row[j].capitalised and not words.capitalises_nouns and j > i + 1:
                break  # the name after the noun
            j += 1
        if j == i + 1:
            return None
        while j < len(row) and row[j].lower in words.role_links:
            k = j + 1
            if k < len(row) and row[k].lower in words.determiners:
                k += 1
            if k >= len(row) or not row[k].text[:1].isalpha():
                break
            j = k + 1
        role = span(row, i + 1, j)
        end = self.name_run(row, j)
        if end > j:
            return Phrase(row[i].start, row[end - 1].end, end, name=span(row, j, end), role=role)
        return Phrase(row[i].start, row[j - 1].end, j, role=role)


def _is_word(token: Token) -> bool:
    return token.text.replace("-", "").isalpha()
