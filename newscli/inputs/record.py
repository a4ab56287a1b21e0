"""A corpus record (a JSONL line, a Parquet row) to an Article: what both readers share."""

from typing import Any

from newscli.errors import InputError
from newscli.inputs.article import Article
from newscli.inputs.decoding import check_text
from newscli.inputs.kinds import looks_like_html


def article_of_record(
    where: str, text: str, record_id: Any, title: Any, url: Any, html_field: str | None
) -> Article | InputError:
    """The article a record's text and fields give, or why its text cannot be read; an id,
    title or url of another type than a corpus gives is left out."""
    try:
        text = check_text(text, where)
    except InputError as err:
        return err
    return Article(
        source=where,
        text=text,
        id=record_id if isinstance(record_id, str | int) else None,
        title=title if isinstance(title, str) else None,
        html=html_field is not None or looks_like_html(text),
        url=url if isinstance(url, str) else None,
    )
