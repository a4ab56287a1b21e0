"""The parsing core: one `Document` per article, every piece with offsets into the input.

`parse(text)` reads the text once: lines, title, boilerplate and metadata (`clean`),
body paragraphs, sentences and tokens (`segment`). Every analysis takes a Document.
Offsets are Python string indices (code points) into the decoded input, so
``text[s.start:s.end] == s.text`` for every span.
"""

from dataclasses import dataclass
from functools import cached_property

from newscli import clean, segment
from newscli.inputs.article import Page
from newscli.language import SAMPLE_CHARS, Identification, given, identify
from newscli.schema import DropReason


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
    reason: DropReason


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
        given_language: str | None = None,
    ):
        self.text = text
        self.title = title
        self.metadata = metadata
        self.dropped = dropped
        self.paragraphs = paragraphs
        self.caseless = caseless
        self.given_language = given_language

    @cached_property
    def language(self) -> Identification:
        """The article's language: as given (--lang), or identified from the title and body."""
        if self.given_language is not None:
            return given(self.given_language)
        parts = [self.title.text] if self.title else []
        size = len(parts[0]) if parts else 0
        for paragraph in self.paragraphs:
            if size >= SAMPLE_CHARS:
                break
            parts.append(paragraph.text)
            size += len(paragraph.text) + 1
        return identify("\n".join(parts))

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


def parse(
    text: str,
    *,
    title: str | None = None,
    page: Page | None = None,
    language: str | None = None,
) -> Document:
    """Parse an article. `title`, when given (a JSONL record's or a page's), is not looked
    for in the text, except as its first line. `page`, for text extracted from a web page:
    each line is one of the page's blocks, so the markup, not the line's length, says what
    is a heading, and the page's byline, date and site name come first. `language`: the
    article's language as the user gave it (an ISO 639 code); else it is identified."""
    lines = clean.split_lines(text)
    found_title: Title | None = None
    if title is not None:
        found_title = Title(title, None, None)
        if lines and _same_title(lines[0].text, title):
            found_title = Title(lines[0].text, lines[0].start, lines[0].end)
            lines = lines[1:]
    elif len(lines) > 1 and clean.looks_like_title(lines[0].text):
        first = lines[0]
        if not clean.clean([first]).drops:
            found_title = Title(first.text, first.start, first.end)
            lines = lines[1:]

    cleaning = clean.clean(lines, structured=page is not None)
    metadata = cleaning.metadata
    if page is not None:
        metadata.byline = page.byline or metadata.byline
        metadata.date = page.date or metadata.date
        metadata.site_name = page.site_name
    dropped = [Dropped(d.start, d.end, text[d.start : d.end], d.reason) for d in cleaning.drops]
    paragraphs = [
        Paragraph(index, line.start, line.end, line.text)
        for index, line in enumerate(cleaning.body)
    ]
    # lower-cased text (some corpora are) gives the splitter no capitals to go by
    return Document(
        text,
        found_title,
        metadata,
        dropped,
        paragraphs,
        caseless=text.islower(),
        given_language=language,
    )


#: what sets a site's name off a page title: "Headline | Site", "Site - Headline"
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


def _same_title(line: str, title: str) -> bool:
    """Whether a first line repeats the given title, perhaps without the site's name."""
    line, title = " ".join(line.split()).casefold(), " ".join(title.split()).casefold()
    if line == title:
        return True
    return any(
        title.startswith(line + separator) or title.endswith(separator + line)
        for separator in _TITLE_SEPARATORS
    )
