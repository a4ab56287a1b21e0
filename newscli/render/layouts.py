"""How each command's records look as tables and as CSV rows: one `Layout` a command."""

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from newscli import schema
from newscli.render.writer import (
    Column,
    Layout,
    Record,
    heading,
    make_table,
    note,
    source_label,
)


def _columns(*groups: Iterable[str]) -> tuple[str, ...]:
    """CSV columns: the keys of each group in turn, each once."""
    return tuple(dict.fromkeys(key for group in groups for key in group))


#: what every item row starts with
_LABELS = ("source", "id")


def _titled(record: Record) -> list[Any]:
    """ "source: title", and a line for each analysis left out (the article's language)."""
    title = f": {record['title']}" if record.get("title") else ""
    return [heading(f"{source_label(record)}{title}"), *map(note, record.get("skipped", ()))]


def fields_layout(record_type: type) -> Layout:
    """The layout of a command that declares none: a table of each record's own fields
    (those after the title and language), and a CSV row per record."""
    shared = set(schema.fields(schema.Titled))
    own = [key for key in schema.fields(record_type) if key not in shared]
    columns = [Column("field", "field"), Column("value", "value", ratio=1)]

    def table(records: Sequence[Record]) -> list[Any]:
        out: list[Any] = []
        for record in records:
            out.extend(_titled(record))
            if "skipped" not in record:
                rows = [{"field": key, "value": record[key]} for key in own if key in record]
                out.append(make_table(columns, rows))
        return out

    return Layout(table=table, csv_rows=lambda record: [record], csv_fields=_columns(_LABELS, own))


# --- parse ---------------------------------------------------------------------------

#: a parse row is the title, a dropped span or a sentence, said by `item`
PARSE_CSV_FIELDS = _columns(
    _LABELS,
    ["item"],
    schema.fields(schema.SentenceSpan),
    schema.fields(schema.DroppedSpan),
)


def _parse_table(records: Sequence[Record]) -> list[Any]:
    out: list[Any] = []
    for record in records:
        title = record["title"]["text"] if record["title"] else "(no title)"
        confidence = record["language_confidence"]
        language = record["language"] + ("" if confidence is None else f" {confidence:.2f}")
        out.append(heading(f"{source_label(record)}: {title} [{language}]"))
        metadata = [
            {"field": key, "value": "; ".join(value) if isinstance(value, list) else value}
            for key, value in record["metadata"].items()
            if value
        ]
        if metadata:
            out.append(
                make_table(
                    [Column("field", "metadata"), Column("value", "value", ratio=1)], metadata
                )
            )
        if record["dropped"]:
            out.append(
                make_table(
                    [
                        Column("reason", "dropped"),
                        Column("start", "start", numeric=True),
                        Column("end", "end", numeric=True),
                        Column("text", "text", ratio=1),
                    ],
                    record["dropped"],
                )
            )
        out.append(
            make_table(
                [
                    Column("paragraph", "¶", numeric=True),
                    Column("index", "#", numeric=True),
                    Column("start", "start", numeric=True),
                    Column("end", "end", numeric=True),
                    Column("text", "sentence", ratio=1),
                ],
                record["sentences"],
            )
        )
    return out


def _parse_csv_rows(record: Record) -> Iterable[Record]:
    base = {"source": record["source"], "id": record.get("id")}
    if record["title"]:
        yield {**base, "item": "title", **record["title"]}
    for dropped in record["dropped"]:
        yield {**base, "item": "dropped", **dropped}
    for sentence in record["sentences"]:
        yield {**base, "item": "sentence", **sentence}


PARSE = Layout(table=_parse_table, csv_rows=_parse_csv_rows, csv_fields=PARSE_CSV_FIELDS)

# --- readability ---------------------------------------------------------------------

READABILITY_LABELS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
    "automated_readability_index": "ARI",
    "dale_chall_readability_score": "Dale-Chall",
    "linsear_write_formula": "Linsear Write",
    "consensus_grade": "consensus grade",
    "sentences": "sentences",
    "words": "words",
    "syllables": "syllables",
    "polysyllabic_words": "polysyllabic words",
    "difficult_words": "difficult words",
    "characters": "characters",
    "letters": "letters",
    "reading_time_seconds": "reading time (s)",
    "text_standard": "text standard",
    "dale_chall_readability_score_v2": "Dale-Chall v2",
    "spache_readability": "Spache",
    "mcalpine_eflaw": "McAlpine EFLAW",
    "lix": "LIX",
    "rix": "RIX",
    "wiener_sachtextformel_1": "Wiener Sachtextformel 1",
    "wiener_sachtextformel_2": "Wiener Sachtextformel 2",
    "wiener_sachtextformel_3": "Wiener Sachtextformel 3",
    "wiener_sachtextformel_4": "Wiener Sachtextformel 4",
    "fernandez_huerta": "Fernández Huerta",
    "szigriszt_pazos": "Szigriszt-Pazos",
    "gutierrez_polini": "Gutiérrez de Polini",
    "crawford": "Crawford",
    "gulpease_index": "Gulpease",
    "osman": "Osman",
    "words_per_sentence": "words per sentence",
    "syllables_per_word": "syllables per word",
    "chars_per_word": "characters per word",
    "letters_per_word": "letters per word",
    "sentences_per_word": "sentences per word",
    "monosyllabic_words": "monosyllabic words",
    "long_words": "long words",
    "miniwords": "mini-words",
    "spache_difficult_words": "Spache difficult words",
    "complex_words": "complex words",
    "whitespace_tokens": "whitespace tokens",
}
# Several documents or paragraphs share one table: the columns that fit 80 characters.
_READABILITY_SUMMARY = (
    Column("sentences", "sent", numeric=True),
    Column("words", "words", numeric=True),
    Column("flesch_reading_ease", "FRE", numeric=True),
    Column("flesch_kincaid_grade", "FK", numeric=True),
    Column("gunning_fog", "fog", numeric=True),
    Column("smog_index", "SMOG", numeric=True),
    Column("consensus_grade", "grade", numeric=True),
)


def _readability_table(records: Sequence[Record]) -> list[Any]:
    if any("paragraphs" in r for r in records):
        out = []
        for record in records:
            out.append(heading(source_label(record)))
            rows = record["paragraphs"]
            columns = [Column("paragraph", "¶", numeric=True), *_READABILITY_SUMMARY]
            out.append(make_table(columns, rows))
        return out
    if len(records) == 1 and "skipped" in records[0]:
        return _titled(records[0])
    if len(records) == 1:
        record = records[0]
        # a formula that is not the language's is null: no row
        rows = [
            {"metric": label, "value": record[key]}
            for key, label in READABILITY_LABELS.items()
            if record[key] is not None
        ]
        columns = [Column("metric", "metric"), Column("value", "value", numeric=True)]
        return [heading(source_label(record)), make_table(columns, rows)]
    rows = [{**r, "source": source_label(r)} for r in records]
    # the language says which formulas a row has (the others are blank)
    columns = [Column("source", "source", ratio=1), Column("language", "lang")]
    return [make_table([*columns, *_READABILITY_SUMMARY], rows)]


def _readability_csv_rows(record: Record) -> Iterable[Record]:
    base = {"source": record["source"], "id": record.get("id"), "language": record["language"]}
    if "paragraphs" in record:
        for paragraph in record["paragraphs"]:
            yield {**base, **paragraph}
    else:
        yield {**base, **record}


READABILITY = Layout(
    table=_readability_table,
    csv_rows=_readability_csv_rows,
    csv_fields=_columns(
        _LABELS,
        ("language", "paragraph", "start", "end"),
        schema.fields(schema.ReadabilityScores),
    ),
)

# --- summarize -----------------------------------------------------------------------

_SUMMARY_COLUMNS = (
    Column("index", "#", numeric=True),
    Column("rank", "rank", numeric=True),
    Column("score", "score", numeric=True),
    Column("text", "sentence", ratio=1),
)


def _summary_table(records: Sequence[Record]) -> list[Any]:
    out: list[Any] = []
    for record in records:
        out.extend(_titled(record))
        if "skipped" in record:
            continue
        if "ranking" in record:
            rows = [{**r, "chosen": "✓" if r["selected"] else ""} for r in record["ranking"]]
            out.append(make_table([Column("chosen", "✓"), *_SUMMARY_COLUMNS], rows))
        else:
            out.append(make_table(_SUMMARY_COLUMNS, record["sentences"]))
    return out


def _summary_csv_rows(record: Record) -> Iterable[Record]:
    base = {"source": record["source"], "id": record.get("id"), "method": record["method"]}
    sentences: list[Record] = record["ranking"] if "ranking" in record else record["sentences"]
    for sentence in sentences:
        yield {**base, "selected": sentence.get("selected", True), **sentence}


SUMMARY = Layout(
    table=_summary_table,
    csv_rows=_summary_csv_rows,
    csv_fields=_columns(_LABELS, ["method"], schema.fields(schema.RankedSentence)),
)

# --- quotes --------------------------------------------------------------------------

_QUOTE_COLUMNS = (
    Column("speaker", "speaker"),
    Column("cue", "cue"),
    Column("kind", "kind"),
    Column("text", "quotation", ratio=1),
)
_SPEAKER_COLUMNS = (
    Column("speaker", "speaker"),
    Column("role", "role", ratio=1),
    Column("quotes", "quotes", numeric=True),
)


def _quotes_table(records: Sequence[Record]) -> list[Any]:
    out: list[Any] = []
    for record in records:
        out.extend(_titled(record))
        if "skipped" in record:
            continue
        if "speakers" in record:
            out.append(make_table(_SPEAKER_COLUMNS, record["speakers"]))
        else:
            rows = [{**q, "speaker": q["speaker"] or "(unknown)"} for q in record["quotes"]]
            out.append(make_table(_QUOTE_COLUMNS, rows))
    return out


def _quotes_csv_rows(record: Record) -> Iterable[Record]:
    base = {"source": record["source"], "id": record.get("id")}
    items: list[Record] = record["speakers"] if "speakers" in record else record["quotes"]
    for item in items:
        yield {**base, **item}


QUOTES = Layout(
    table=_quotes_table,
    csv_rows=_quotes_csv_rows,
    # one header for both views: a row per quote, or per speaker (--by speaker)
    csv_fields=_columns(_LABELS, schema.fields(schema.Speaker), schema.fields(schema.Quote)),
)

# --- entities ------------------------------------------------------------------------

_ENTITY_COLUMNS = (
    Column("name", "entity", ratio=2),
    Column("type", "type"),
    Column("role", "role", ratio=1),
    Column("count", "mentions", numeric=True),
    Column("salience", "salience", numeric=True),
)
_MENTION_COLUMNS = (
    Column("text", "mention", ratio=1),
    Column("label", "tagged"),
    Column("name", "entity", ratio=1),
    Column("type", "type"),
    Column("start", "start", numeric=True),
)


def _entity_rows(record: Record) -> list[Record]:
    return [{**e, "role": e["role"] or ""} for e in record["entities"]]


def _mention_rows(record: Record) -> list[Record]:
    rows = [
        {**m, "name": e["name"], "type": e["type"]}
        for e in record["entities"]
        for m in e["mentions"]
    ]
    return sorted(rows, key=lambda row: row["start"])


def _titled_tables(
    columns: Sequence[Column], rows_of: Callable[[Record], list[Record]]
) -> Callable[[Sequence[Record]], list[Any]]:
    def draw(records: Sequence[Record]) -> list[Any]:
        out: list[Any] = []
        for record in records:
            out.extend(_titled(record))
            if "skipped" not in record:
                out.append(make_table(columns, rows_of(record)))
        return out

    return draw


def _entity_csv_rows(record: Record) -> Iterable[Record]:
    base = {"source": record["source"], "id": record.get("id")}
    for entity in record["entities"]:
        yield {**base, **entity, "aliases": " | ".join(entity["aliases"])}


def _mention_csv_rows(record: Record) -> Iterable[Record]:
    base = {"source": record["source"], "id": record.get("id")}
    for row in _mention_rows(record):
        yield {**base, **row}


ENTITIES = Layout(
    table=_titled_tables(_ENTITY_COLUMNS, _entity_rows),
    csv_rows=_entity_csv_rows,
    csv_fields=_columns(_LABELS, [k for k in schema.fields(schema.Entity) if k != "mentions"]),
)
ENTITY_MENTIONS = Layout(
    table=_titled_tables(_MENTION_COLUMNS, _mention_rows),
    csv_rows=_mention_csv_rows,
    csv_fields=_columns(_LABELS, schema.fields(schema.Mention), ("name", "type")),
)

# --- analyze -------------------------------------------------------------------------

_ANALYZE_COLUMNS = (
    Column("article", "article", ratio=2),
    Column("grade", "grade", numeric=True),
    Column("quotes", "quotes", numeric=True),
    Column("entities", "main entities", ratio=2),
    Column("summary", "summary", ratio=3),
)
#: entities named per document in the table and CSV (JSON has all of them)
_TOP_ENTITIES = 5


def _analyze_row(record: Record) -> Record:
    """Left-out analyses (the article's language) give empty cells."""
    readability = record["readability"] or {}
    summary = record["summary"] or {}
    return {
        "source": record["source"],
        "id": record.get("id"),
        "title": record.get("title"),
        "language": record["language"],
        "grade": readability.get("consensus_grade"),
        "words": readability.get("words"),
        "quotes": len(record["quotes"]),
        "speakers": len({q["speaker"] for q in record["quotes"] if q["speaker"]}),
        "entities": ", ".join(e["name"] for e in record["entities"][:_TOP_ENTITIES]),
        "summary": summary.get("text", ""),
    }


def _article_cell(record: Record) -> str:
    """What an article is: its title, who wrote it when for which site, and where it is
    (a page's address, else its source), a line each."""
    lines = [record.get("title") or ""]
    lines.append(" · ".join(record[k] for k in ("byline", "date", "site_name") if record.get(k)))
    lines.append(record.get("url") or source_label(record))
    return "\n".join(line for line in lines if line)


def _analyze_table(records: Sequence[Record]) -> list[Any]:
    rows = [{**_analyze_row(r), "article": _article_cell(r)} for r in records]
    return [make_table(_ANALYZE_COLUMNS, rows)]


ANALYZE = Layout(
    table=_analyze_table,
    csv_rows=lambda record: [_analyze_row(record)],
    csv_fields=(
        "source",
        "id",
        "title",
        "language",
        "grade",
        "words",
        "quotes",
        "speakers",
        "entities",
        "summary",
    ),
)

# --- dedupe --------------------------------------------------------------------------

_DEDUPE_COLUMNS = (
    Column("cluster", "cluster"),
    Column("kind", "kind"),
    Column("similarity", "sim", numeric=True),
    Column("source", "source", ratio=1),
)
_DEDUPE_PAIR_COLUMNS = (
    Column("similarity", "sim", numeric=True),
    Column("kind", "kind"),
    Column("source", "copy", ratio=1),
    Column("duplicate_of", "duplicate of", ratio=1),
)
_KIND_ORDER = {"unique": 0, "indexed": 0, "exact": 1, "near": 2}


def _dedupe_label(record: Record, prefix: str = "") -> str:
    key = f"{prefix}_id" if prefix else "id"
    label = str(record[prefix or "source"])
    return label + (f" ({record[key]})" if record.get(key) is not None else "")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _dedupe_table(records: Sequence[Record]) -> list[Any]:
    """The clusters with duplicates, representative first; a count of the rest."""
    clusters: dict[str, list[Record]] = {}
    for record in records:
        if record["cluster_size"] > 1:
            clusters.setdefault(record["cluster"], []).append(record)
    rows: list[Record] = []
    for cluster, members in clusters.items():
        if all(m["duplicate_of"] is not None for m in members):
            # the representative was indexed by an earlier run
            kept = {**members[0], "kind": "indexed", "similarity": None, "id": None}
            kept["source"] = members[0]["duplicate_of"]
            kept["id"] = members[0].get("duplicate_of_id")
            members = [kept, *members]
        members.sort(key=lambda m: (_KIND_ORDER[m["kind"]], -(m["similarity"] or 0)))
        for number, member in enumerate(members):
            label = cluster[:8] if number == 0 else ""
            rows.append({**member, "cluster": label, "source": _dedupe_label(member)})
    duplicates = sum(1 for r in records if r["duplicate_of"] is not None)
    summary = (
        f"{_count(len(records), 'document')}: {_count(duplicates, 'duplicate')} in "
        f"{_count(len(clusters), 'cluster')}, {len(records) - duplicates} to keep"
    )
    out: list[Any] = [heading(summary)]
    if rows:
        out.append(make_table(_DEDUPE_COLUMNS, rows))
    return out


def _dedupe_pairs_table(records: Sequence[Record]) -> list[Any]:
    rows = [
        {
            **r,
            "source": _dedupe_label(r),
            "duplicate_of": _dedupe_label(r, "duplicate_of"),
        }
        for r in records
    ]
    out: list[Any] = [heading(_count(len(records), "duplicate pair"))]
    if rows:
        out.append(make_table(_DEDUPE_PAIR_COLUMNS, rows))
    return out


def _one_row(record: Record) -> Iterable[Record]:
    yield record


DEDUPE = Layout(
    table=_dedupe_table,
    csv_rows=_one_row,
    # a crawl's url and capture date are added by the writer, as for every command
    csv_fields=tuple(k for k in schema.fields(schema.DedupeRecord) if k not in ("url", "captured")),
    html="clusters",
)
DEDUPE_PAIRS = Layout(
    table=_dedupe_pairs_table,
    csv_rows=_one_row,
    csv_fields=schema.fields(schema.DedupePairRecord),
    html="pairs",
)
