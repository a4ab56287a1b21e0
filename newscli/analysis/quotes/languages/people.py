"""Who a speaker mention refers to: the people an article names, a surname to the fullest
name, a pronoun to the last person of its grammatical gender, a role to its holder."""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator

from newscli import gender
from newscli.analysis.quotes.find import Quote
from newscli.analysis.quotes.languages.attribute import Attributor
from newscli.analysis.quotes.languages.words import Person, Phrase, Token, is_name_word, tokens

_WORD = re.compile(r"\b[^\W\d_][\w-]*")
#: mentions looked back over to resolve a pronoun or a role: plenty for news, and it keeps
#: resolution linear on an article naming one person thousands of times
_MENTIONS_BACK = 60


class Reader(Attributor):
    """An article read for quotations: its attributions, and the people they refer to."""

    def gather_people(self, speakers: Iterable[Phrase]) -> None:
        """The people the article names: each with a role or title before their name, each
        speaker named in full, each name of two words or more the tagger read as a person;
        then every place one of them is named, in full or by a part of their name."""
        found: dict[int, Person] = {}
        #: "la ministre de l'Éducation", "un porte-parole": a role with no name
        unnamed: list[Phrase] = []
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
                start = self._role_start(row, i)
                phrase = self.phrase(row, start)
                if start < i - 1 and (phrase is None or phrase.role is None):
                    start = i  # "de la ministre": no role read from "la"
                    phrase = self.phrase(row, start)
                if phrase is not None and phrase.name is not None:
                    self.add_person(phrase, found)
                elif phrase is not None and phrase.role is not None and start < i:
                    unnamed.append(phrase)
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
        self._settle(found)
        self._unnamed(unnamed)

    def _role_start(self, row: list[Token], i: int) -> int:
        """Where the phrase of the role at row[i] starts: at its determiner, with up to one
        word between ("le Premier ministre", "il Primo ministro", "der neue Minister"), so
        the role is read whole, not cut to "ministro"; else at the role."""
        for k in (i - 1, i - 2):
            if k < 0 or not row[k].text[:1].isalpha():
                break
            if row[k].lower in self.words.determiners:
                return k
        return i

    def _unnamed(self, phrases: list[Phrase]) -> None:
        """Each role named without a name, in text order, as a mention: of the last person
        holding it ("le ministre" after "le ministre de l'Intérieur, Gérald Darmanin"), or
        else of someone the text names only so ("La ministre de l'Éducation nationale a
        défendu son texte. « … », a-t-elle affirmé": she is the speaker)."""
        words = self.words
        for phrase in sorted(phrases, key=lambda p: p.start):
            assert phrase.role is not None
            role = self.text[phrase.role[0] : phrase.role[1]]
            mention = self.text[phrase.start : phrase.end]
            person = None
            if mention.split()[0].lower() not in words.indefinite_determiners:
                person = self.resolve_role(role, phrase.sex, phrase.start)
            if person is None:
                person = Person(phrase.start, mention, role, phrase.sex)
            at = bisect_left(self._mention_starts, phrase.start)
            self._mention_starts.insert(at, phrase.start)
            self.mentions.insert(at, (phrase.start, person))

    def _settle(self, found: dict[int, Person]) -> None:
        """One person per distinct name (its first place, the first role and sex any place
        gives), a name inside a fuller one that fuller one's ("Ministerin Müller" after
        "Anna Müller"), and every place each is named, in text order."""
        by_name: dict[str, Person] = {}
        for start in sorted(found):
            person = found[start]
            known = by_name.get(person.name)
            if known is None:
                by_name[person.name] = Person(start, person.name, person.role, person.sex)
            else:
                known.role = known.role or person.role
                known.sex = known.sex or person.sex
        self.people = sorted(by_name.values(), key=lambda p: p.start)
        self._by_word = {}
        for person in self.people:
            for word in set(person.name.lower().split()):
                self._by_word.setdefault(word, []).append(person)
        fullest: dict[str, Person] = {}
        for person in self.people:
            full = self.resolve_name(person.name, person.start) or person
            if full is not person:
                full.role = full.role or person.role
                full.sex = full.sex or person.sex
            fullest[person.name] = full
        mentions = [(start, fullest[person.name]) for start, person in found.items()]
        # a surname alone is the last person of that surname named before it ("José
        # Ferreira ... A filha, Ana Ferreira ... Ferreira"); one inside a full name is that name
        by_surname: dict[str, list[Person]] = {}
        for person in self.people:
            by_surname.setdefault(person.name.split()[-1], []).append(person)
        spans = sorted((start, start + len(person.name)) for start, person in found.items())
        for match in _WORD.finditer(self.text):
            word, at = match.group(), match.start()
            if word not in by_surname or self.in_quotation(at):
                continue
            inside = bisect_right(spans, (at, len(self.text))) - 1
            if inside >= 0 and spans[inside][0] <= at < spans[inside][1]:
                continue
            named = [p for p in by_surname[word] if p.start < at] or by_surname[word]
            mentions.append((at, fullest[named[-1].name]))
        mentions.sort(key=lambda m: m[0])
        self.mentions = mentions
        self._mention_starts = [at for at, _ in mentions]

    def _fuller_names(
        self, row: list[Token], named: set[tuple[str, ...]], found: dict[int, Person]
    ) -> None:
        """A speaker's name where the article gives it with more words before it ("Yannick
        Le Gall" for "Le Gall"): a person, though no role or title introduces them."""
        texts = [t.text for t in row]
        for k in range(1, len(row) - 1):
            # "apotheker Pieter Smit", "le cordonnier Paul Mercier": a name after a noun
            described = row[k - 1]
            if not (described.text.isalpha() and described.text.islower()) or not is_name_word(
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
                while first > 0 and first > k - 3 and is_name_word(row[first - 1]):
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
        sex = None if phrase.sex_by_determiner else phrase.sex
        sex = sex or self.sex_of_name(name) or phrase.sex
        person = found.get(start)
        if person is None or person.role is None and role is not None:
            found[start] = Person(start, name, role, sex)

    def resolve_name(self, name: str, position: int) -> Person | None:
        """resolve_surname: the person the article names most fully by these words, the
        one named last before position on a tie."""
        words = name.lower().split()
        best = None
        for person in self._by_word.get(words[-1], ()):
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

    def mentions_before(self, position: int) -> Iterator[tuple[int, Person]]:
        """(where, who) of the people named before position, the nearest first (at most
        _MENTIONS_BACK)."""
        end = bisect_left(self._mention_starts, position)
        for index in range(end - 1, max(-1, end - 1 - _MENTIONS_BACK), -1):
            yield self.mentions[index]

    def last_mention_before(self, position: int) -> tuple[int, Person] | None:
        end = bisect_left(self._mention_starts, position)
        return self.mentions[end - 1] if end else None

    def resolve_pronoun(self, sex: str | None, position: int) -> Person | None:
        """resolve_pronoun: the last person named before position whose sex fits; in that
        sentence, one named before them rather than after a preposition ("sagte Scholz nach
        dem Treffen mit Präsident Emmanuel Macron. Er sagte": Scholz)."""
        last: tuple[int, Person] | None = None
        sentence_start = 0
        for at, person in self.mentions_before(position):
            if sex is not None and person.sex not in (None, sex):
                continue
            if last is None:
                last = at, person
                sentence_start = self._sentence_start(at)
                if not self._after_preposition(at):
                    return person
            elif at < sentence_start:
                break
            elif person is not last[1] and not self._after_preposition(at):
                return person
        return last[1] if last is not None else None

    def _sentence_start(self, position: int) -> int:
        sentences = self.document.sentences
        found = bisect_right(sentences, position, key=lambda s: s.start) - 1
        return sentences[found].start if found >= 0 else 0

    def _after_preposition(self, position: int) -> bool:
        """Whether the name at position stands after a preposition, its role between them
        ("mit Präsident Emmanuel Macron")."""
        before = tokens(self.text, max(0, position - 60), position)
        k = len(before) - 1
        while k >= 0 and (
            self.words.is_role(before[k].text)
            or self.words.title_sex(before[k].text) is not None
            or before[k].lower in self.words.determiners
        ):
            k -= 1
        return k >= 0 and before[k].lower in self.words.prepositions

    def resolve_role(self, role: str, sex: str | None, position: int) -> Person | None:
        """resolve_role: the last person named before position holding the role ("la
        ministra": "la ministra de Hacienda, María Montero"), their sex fitting."""
        heads = [w.lower() for w in role.split() if self.words.is_role(w)]
        for _, person in self.mentions_before(position):
            if person.role is None or sex is not None and person.sex not in (None, sex):
                continue
            held = person.role.lower()
            if any(_same_role(head, held) for head in heads):
                return person
        return None

    def resolve(self, quote: Quote, phrase: Phrase | None, previous: Quote | None) -> None:
        """The speaker's full name and role, from the mention the attribution found."""
        position = quote.speaker_start if quote.speaker_start is not None else quote.start
        if phrase is None:
            # dropped_subject: whoever was quoted just before, unless someone was named since
            named = self.last_mention_before(position)
            quoted_since = named is None or previous is not None and named[0] < previous.end
            if previous is not None and previous.speaker is not None and quoted_since:
                quote.speaker, quote.role = previous.speaker, previous.role
                return
            if named is not None:
                quote.speaker, quote.role = named[1].name, named[1].role
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
        if person is None and self._refers_back(phrase, role_text or ""):
            person = self.resolve_pronoun(phrase.sex, position)
        if person is not None:
            quote.speaker, quote.role = person.name, person.role
            quote.rules.append("resolve_role")
        else:
            quote.speaker, quote.role = text[phrase.start : phrase.end], role_text

    def _refers_back(self, phrase: Phrase, role: str) -> bool:
        """A definite description the lexicon has no role in refers back, like a pronoun:
        "„…“, sagte die SPD-Politikerin" after "Bundesbauministerin Klara Geywitz"; "ein
        Sprecher", "la vendeuse" with no article before it bring someone new."""
        first = self.text[phrase.start : phrase.end].split()[0].lower()
        words = self.words
        return (
            first in words.determiners
            and first not in words.indefinite_determiners
            and not any(words.is_role(word) for word in role.split())
        )


def _same_role(head: str, held: str) -> bool:
    """ "ministra" is held by "la ministra de Hacienda", "Minister" by
    "Bundesfinanzminister", "Ministerin" by "Innenministerin"."""
    return any(word == head or word.endswith(head) for word in held.split())
