"""The parsing core: one `Document` per article, every piece with offsets into the input.

`parse(text)` reads the text once: lines, title, boilerplate and metadata (`clean`),
body paragraphs, sentences and tokens (`segment`). Every analysis takes a Document.
Offsets are Python string indices (code points) into the decoded input, so
``text[s.start:s.end] == s.text`` for every span.
"""

from dataclasses import dataclass
from functools import cached_property

from newscli import clean, segment


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    #: None when the title came from outside the text (a JSONL record's "title")
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class Dropped:
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    sentence: int


class Document:
    """A parsed article. Build one with `parse`; analyses only read it."""

    def __init__(
        self,
        text: str,
        title: Title | None,
        metadata: clean.Metadata,
        dropped: list[Dropped],
        paragraphs: list[Paragraph],
        *,
        caseless: bool = False,
    ):
        self.text = text
        self.title = title
        self.metadata = metadata
        self.dropped = dropped
        self.paragraphs = paragraphs
        self.caseless = caseless

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of the body paragraphs, split on first use (dedupe never asks)."""
        sentences: list[Sentence] = []
        for paragraph in self.paragraphs:
            for start, end in segment.sentence_spans(
                self.text, paragraph.start, paragraph.end, caseless=self.caseless
            ):
                sentences.append(
                    Sentence(len(sentences), start, end, self.text[start:end], paragraph.index)
                )
        return sentences

    @cached_property
    def tokens(self) -> list[Token]:
        """Tokens of the body sentences, computed on first use."""
        return [
            Token(start, end, self.text[start:end], sentence.index)
            for sentence in self.sentences
            for start, end in segment.token_spans(self.text, sentence.start, sentence.end)
        ]

    def sentences_in(self, paragraph: Paragraph) -> list[Sentence]:
        return [s for s in self.sentences if s.paragraph == paragraph.index]


def parse(text: str, *, title: str | None = None) -> Document:
    """Parse an article. `title`, when given (a JSONL record's), is not looked for in text."""
    lines = clean.split_lines(text)
    found_title: Title | None = None
    if title is not None:
        found_title = Title(title, None, None)
    elif len(lines) > 1 and clean.looks_like_title(lines[0].text):
        first = lines[0]
        if not clean.clean([first]).drops:
            found_title = Title(first.text, first.start, first.end)
            lines = lines[1:]

    cleaning = clean.clean(lines)
    dropped = [Dropped(d.start, d.end, text[d.start : d.end], d.reason) for d in cleaning.drops]
    paragraphs = [
        Paragraph(index, line.start, line.end, line.text)
        for index, line in enumerate(cleaning.body)
    ]
    # lower-cased text (some corpora are) gives the splitter no capitals to go by
    return Document(
        text, found_title, cleaning.metadata, dropped, paragraphs, caseless=text.islower()
    )
