"""Web pages to articles: the page's main text and metadata (its charset: `decoding`).

trafilatura finds the article in the page (the best open extractor on the Article
Extraction Benchmark) and gives it as a tree of blocks: paragraphs, headings, list items,
quotations, table rows. We write each block as one line, with a blank line between
blocks, so the parsing core sees the page's own structure -- a heading is a heading
because the markup says so, not because it is a short line -- and then cleans what the
extractor let through (share lines, newsletter pitches, credits, captions).

trafilatura (and lxml under it) is imported here only, when the first page is met.
"""

import logging
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from newscli.errors import InputError
from newscli.inputs.article import Article, Page

#: trafilatura's options: comments are not the article; its precision mode drops more of
#: the page's furniture (on the benchmark's dev pages: precision 0.953 -> 0.970, recall
#: 0.980 -> 0.976)
EXTRACT_OPTIONS: dict[str, Any] = {"include_comments": False, "favor_precision": True}


def extract(article: Article) -> Article:
    """The article in a web page: its text, one block a line, and what the page says of
    itself (title, author, date, site name, canonical URL)."""
    import trafilatura
    from trafilatura.settings import set_date_params

    _quiet_libraries()
    found: Any
    try:
        found = trafilatura.bare_extraction(
            article.text,
            url=article.url,
            with_metadata=True,
            # the date from the page's markup (meta tags, JSON-LD, <time>, the URL), not
            # from a search of its text: a third of the time of a page, and on the
            # benchmark's dev pages the same date on 84 of 85
            date_extraction_params=set_date_params(extensive=False),
            **EXTRACT_OPTIONS,
        )
    except Exception as err:  # noqa: BLE001 - lxml's and trafilatura's errors vary
        raise InputError(
            f"cannot be read as HTML ({type(err).__name__}: {err})",
            source=article.source,
            hint="check that it is a web page",
        ) from None
    text = "" if found is None else "\n\n".join(_lines(found.body))
    if not text:
        raise InputError(
            "no article text found in the page",
            source=article.source,
            hint="check that it is an article page, not a front page or an error page",
        )
    return replace(
        article,
        text=text,
        html=False,
        title=article.title or without_site(found.title, found.sitename, article.url or found.url),
        url=article.url or found.url,
        page=Page(
            byline=byline(found.author, found.sitename, article.url or found.url),
            date=found.date,
            site_name=found.sitename,
        ),
    )


#: what stands between a page's title and its site's name: "Title | ZDNet", "BBC News - Title"
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ")


def without_site(title: str | None, site_name: str | None, url: str | None) -> str | None:
    """The page's title without the site's name before or after it ("… | ZDNet"), when the
    page names the site: its site name, or its address's domain."""
    if not title:
        return title
    site = (site_name or "").strip()
    if site and site != title:  # the whole name first: it may hold a separator itself
        if title.startswith(site) and (rest := title[len(site) :]).startswith(
            (*TITLE_SEPARATORS, ": ")
        ):
            return rest.lstrip(" |-–—:·»/")
        for separator in TITLE_SEPARATORS:
            if title.endswith(separator + site):
                return title[: -len(separator + site)].strip()
    names = {_key(site), *(_key(label) for label in _domain_labels(url))}
    names.discard("")
    for separator in TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and _is_site(tail, names):
            return head.strip()
        head, found, tail = title.partition(separator)
        if found and tail.strip() and _is_site(head, names):
            return tail.strip()
    return title


def byline(author: str | None, site_name: str | None, url: str | None) -> str | None:
    """The names in a page's author field, without what came with them: trafilatura joins
    the page's author fields with '; ', and they hold the date ("Jeff Foust Monday;
    November"), a sentence ("Phil Helsel is a reporter"), the site ("Jill Disis; CNN
    Business"), a role ("AP National Political Writer"), credentials ("MS; RDN") and the
    same name twice ("Troy Smith; Troy L Smith")."""
    if not author:
        return author
    from newscli.lexicon import DATE_WORDS

    names = {_key(site_name or ""), *(_key(label) for label in _domain_labels(url))}
    names.discard("")
    kept: list[list[str]] = []
    for part in author.split(";"):
        words = part.split(" is ", 1)[0].split()
        # a name in capitals before the words that follow it ("JILL LAWLESS Associated Press")
        capitals = [w.isupper() and len(w) > 1 for w in words]
        if len(words) > 2 and capitals[0] and capitals[1] and not all(capitals):
            words = words[: capitals.index(False)]
        while words and words[-1].lower().strip(".,") in DATE_WORDS:
            words.pop()
        for length in range(min(4, len(words)), 0, -1):  # the site's name after the person's
            if _is_site(" ".join(words[-length:]), names):
                words = words[:-length]
                break
        if not words:
            continue
        acronym_led = words[0].isupper() and len(words[0]) <= 3 and len(words) >= 3
        credentials = kept and len(words) == 1 and words[0].isupper() and len(words[0]) <= 4
        repeated = any(w[0] == words[0] and w[-1] == words[-1] for w in kept)
        if acronym_led or credentials or repeated:
            continue
        if all(w.isupper() for w in words if w.isalpha()) and any(len(w) > 2 for w in words):
            words = [w.capitalize() for w in words]
        kept.append(words)
    return "; ".join(" ".join(words) for words in kept) or None


def _key(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _domain_labels(url: str | None) -> list[str]:
    """The labels of an address's host that may name the site: edition.cnn.com -> cnn."""
    if not url:
        return []
    from urllib.parse import urlsplit

    labels = (urlsplit(url).hostname or "").split(".")
    # not the top-level domain, nor "co" of co.uk, nor the "www" host
    return [label for label in labels[:-1] if len(label) >= 3 and label != "www"]


def _is_site(part: str, names: set[str]) -> bool:
    """Whether a piece of a title is the site's name: the same letters, or one begins
    with the other (the "BBC News" of bbc.co.uk, the "Guardian" of theguardian.com)."""
    key = _key(part)
    if len(key) < 3 or len(part.split()) > 4:
        return False
    return any(key == name or key.startswith(name) or name.endswith(key) for name in names)


def _quiet_libraries() -> None:
    """Libraries trafilatura uses log what they mend in a page; with no handler of ours,
    Python would print their warnings on stderr, which is for newscli's own lines."""
    for name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())


def _lines(body: Any) -> Iterator[str]:
    """Each block of trafilatura's tree as a line; a line break inside a block too."""
    for block in _blocks(body):
        for line in block.split("\n"):
            line = " ".join(line.split())
            if line:
                yield line


#: trafilatura's elements that hold blocks rather than being one
_CONTAINERS = frozenset({"body", "div", "quote", "list"})


def _blocks(element: Any) -> Iterator[str]:
    """Blocks in document order; text between blocks is a block of its own."""
    if element.text and element.text.strip():
        yield element.text
    for child in element:
        if child.tag == "table":
            for row in child.iter("row"):
                cells = (_text(cell).strip() for cell in row.iter("cell"))
                yield " | ".join(cell for cell in cells if cell)
        elif child.tag in _CONTAINERS and any(c.tag in _BLOCK_TAGS for c in child):
            yield from _blocks(child)
        else:
            yield _text(child)
        if child.tail and child.tail.strip():
            yield child.tail


_BLOCK_TAGS = frozenset({"p", "head", "list", "item", "quote", "table", "div"})


def _text(element: Any) -> str:
    """An element's text, with its <lb/> line breaks kept."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _text(child))
        parts.append(child.tail or "")
    return "".join(parts)
