"""Reading inputs: text, web pages, crawls and JSONL corpora, compressed or not, as articles.

One module per concern, each importing only those below it (import-linter holds the order,
pyproject.toml's [tool.importlinter]):

    read         read_articles: every input named on the command line, in order; extracted
    warc | jsonl | webpage
                 a crawl's pages; a JSONL corpus's records; a page's text and metadata
                 (trafilatura, imported when the first page is met)
    files | compression | decoding
                 directories expanded; files and standard input decompressed; bytes decoded,
                 a web page's charset found
    kinds | article
                 what an input holds, told by its name; the Article and its Page

This face holds what the rest of newscli uses; the web page and crawl readers stay unloaded
until an input needs them.
"""

from newscli.inputs.article import Article, Page
from newscli.inputs.kinds import looks_like_html, split_name
from newscli.inputs.read import extracted, read_articles

__all__ = ["Article", "Page", "extracted", "looks_like_html", "read_articles", "split_name"]
