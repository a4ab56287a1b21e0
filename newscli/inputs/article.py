"""The article as read from its input, before any parsing, and what its web page said of it."""

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Page:
    """What the markup of a web page said about the article it holds."""

    byline: str | None = None
    date: str | None = None
    site_name: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from its input, before any parsing.

    `text` is the article's text -- or, while `html` is set, the page's decoded HTML,
    which `extracted` turns into text. An article extracted from a page carries `page`:
    its lines are then the page's blocks (paragraphs, headings, list items), one a line.
    """

    source: str
    text: str
    id: str | int | None = None
    title: str | None = None
    html: bool = False
    #: the page's address: the WARC record's target, or the page's own canonical URL
    url: str | None = None
    #: when a crawler fetched the page (the WARC record's date, ISO 8601)
    captured: str | None = None
    page: Page | None = None
    #: the article's language as the user gave it (--lang); None: identify it
    language: str | None = None

    def cut(self, max_chars: int) -> "Article":
        """This article, its text cut at max_chars when longer (--max-chars)."""
        if len(self.text) <= max_chars:
            return self
        return dataclasses.replace(self, text=self.text[:max_chars])
