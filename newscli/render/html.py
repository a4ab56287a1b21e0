"""`--format html`: one self-contained page, inline CSS and inline SVG, no script.

Nothing on the page is fetched: no script, font, image or stylesheet from anywhere, and
a Content-Security-Policy that forbids them all should escaping ever fail. Everything a
record holds is escaped (`esc`) before it reaches the markup, and nothing from a record
is put into a URL, a style or an event attribute: a page's own address is shown as text,
never as a link, so a hostile `javascript:` URL is inert. The only links are anchors
within the page (`#a-3`).

Streaming: each article's section is written as its record arrives. A corpus's
overview (charts and a table of articles linking to their sections) can only be drawn
once every record is seen, so it is written last and placed first by CSS (`order`).
What the overview keeps is bounded: a histogram's bins, counters of names pruned to their
heaviest when they grow past `NAME_LIMIT`, and the table's rows in a temporary file that
stays in memory up to 1 MiB and moves to disk beyond. dedupe's page needs every record
to group its clusters, as its table does (dedupe holds them all anyway).

Offsets are the records' own: marks are placed at `start`/`end` into the record's
`text`, which the writer asks the run to add (`Writer.needs_article`).
"""

import heapq
import html
import math
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from tempfile import SpooledTemporaryFile
from typing import Any, TextIO

from newscli.schema import Record

#: distinct speakers or entities kept exactly; past this the lightest half is dropped
NAME_LIMIT = 20_000
#: bars in a corpus chart
TOP = 12
#: the overview's table rows stay in memory up to this many bytes, then go to disk
ROWS_IN_MEMORY = 1 << 20
#: consensus grade histogram: one bin per grade, the last holding everything above
GRADE_BINS = 20


def esc(value: Any) -> str:
    """Text and attribute values alike: &, <, >, " and ' all become entities."""
    return html.escape(str(value), quote=True)


# --- the page ------------------------------------------------------------------------

# Colours are variables so that dark mode and print change them in one place; entity
# types also differ by underline style, which survives a black-and-white printer.
CSS = """
:root{color-scheme:light dark;--bg:#fff;--fg:#1d1d1f;--muted:#6b6b70;--line:#d9d9de;
--panel:#f5f5f7;--sum:#fff2a8;--quote:#0b5cad;--bar:#3a6fb0;--easy:#2e8b57;--mid:#c98a00;
--hard:#c0392b;--PERSON:#1f6fd1;--ORG:#8e44ad;--GPE:#1e8449;--LOC:#117a65;--NORP:#a0522d;
--MISC:#7f8c8d}
@media (prefers-color-scheme:dark){:root{--bg:#17181a;--fg:#e8e8ea;--muted:#9a9aa2;
--line:#3a3b40;--panel:#222327;--sum:#5a4d00;--quote:#8cc4ff;--bar:#6fa3e0;--easy:#5cc489;
--mid:#e0b040;--hard:#ef7468;--PERSON:#7fb2ff;--ORG:#d39cf0;--GPE:#7ed69b;--LOC:#6fd3c0;
--NORP:#e2a77f;--MISC:#b5bec2}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);
font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{display:flex;flex-direction:column;gap:2rem;max-width:60rem;margin:0 auto;padding:1.5rem}
#overview{order:-1}
h1{font-size:1.6rem;margin:0}h2{font-size:1.3rem;margin:0 0 .3rem}
h3{font-size:1rem;margin:1.2rem 0 .4rem;color:var(--muted)}
article,section{border-top:1px solid var(--line);padding-top:1rem}
.meta{color:var(--muted);font-size:.85rem;margin:0 0 .6rem;overflow-wrap:anywhere}
.meta code{font-size:.85rem}
.skipped{font-size:.85rem;margin:.2rem 0;padding:.2rem .6rem;border-left:4px solid var(--mid);
background:var(--panel)}
.badge{display:inline-block;border:1px solid var(--line);border-radius:.6rem;
padding:0 .45rem;margin-right:.3rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"Times New Roman",serif;
font-size:1.05rem;line-height:1.7;margin:0}
.summary{background:var(--panel);border-left:4px solid var(--sum);padding:.6rem .9rem;
margin:.6rem 0}
.key{font-size:.8rem;color:var(--muted);display:flex;flex-wrap:wrap;gap:.35rem .8rem;
margin:.4rem 0 .8rem}
mark.s{background:var(--sum);color:inherit;border-radius:2px}
.q{color:var(--quote);font-style:italic}
.who{font-style:normal;font-size:.75em;font-family:system-ui,sans-serif;
font-variant:small-caps;margin-left:.15em;color:var(--quote)}
.e{border-bottom:2px solid var(--c);background:color-mix(in srgb,var(--c) 12%,transparent)}
.e-PERSON{--c:var(--PERSON)}.e-ORG{--c:var(--ORG);border-bottom-style:double}
.e-GPE{--c:var(--GPE);border-bottom-style:dashed}.e-LOC{--c:var(--LOC);border-bottom-style:dotted}
.e-NORP{--c:var(--NORP);border-bottom-style:dashed}.e-MISC{--c:var(--MISC);border-bottom-style:dotted}
.d{opacity:.45;text-decoration:line-through;text-decoration-color:var(--muted)}
.why{font:italic .7rem system-ui,sans-serif;border:1px solid var(--line);border-radius:.5rem;
padding:0 .3rem;margin-right:.3rem;text-decoration:none;display:inline-block}
.sn.alt{background:var(--panel)}
.gauges{display:flex;flex-wrap:wrap;gap:.4rem;align-items:flex-end}
.gauges p{margin:0 0 0 .5rem;font-size:.85rem;color:var(--muted)}
svg text{fill:var(--fg);font:11px system-ui,sans-serif}
svg .l{fill:var(--muted);font-size:9px}svg .v{font-size:14px;font-weight:600}
.track{fill:none;stroke:var(--line);stroke-width:8}
.arc{fill:none;stroke-width:8}.easy{stroke:var(--easy)}.mid{stroke:var(--mid)}
.hard{stroke:var(--hard)}
.bar{fill:var(--bar)}.chart{width:100%;height:auto;max-width:44rem}
table{border-collapse:collapse;font-size:.9rem;width:100%}
th{white-space:nowrap}
th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid var(--line);
vertical-align:top;overflow-wrap:anywhere}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;overflow-wrap:normal}
a{color:var(--quote)}
details summary{cursor:pointer;color:var(--muted)}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--panel:#f3f3f3;--sum:#ffef8a;--quote:#0b4f96}
*{print-color-adjust:exact;-webkit-print-color-adjust:exact}
body{font-size:11pt}main{max-width:none;padding:0;display:block}
article{break-before:page}section#overview+article{break-before:auto}
a{color:inherit;text-decoration:none}
svg,tr,.gauges{break-inside:avoid}
}
"""
# Only inline styles may apply; nothing may be fetched or run, whatever the text holds.
CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def head(title: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
    )


FOOT = "</main>\n</body>\n</html>\n"


# --- marking spans of the text -------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """An element around text[start:end]; a lower layer encloses a higher one."""

    start: int
    end: int
    layer: int
    tag: str
    #: its attributes, escaped: ' class="e e-PERSON" title="..."'
    attrs: str
    #: markup before its first character and after its last (a label), escaped
    lead: str = ""
    tail: str = ""


def marked(text: str, marks: Iterable[Mark]) -> str:
    """The escaped text with each mark's element around its span.

    Spans that cross (a quotation over two sentences) cannot nest as they are, so an inner
    element is closed where an outer one ends and opened again after: the text is cut at
    every boundary, and between two cuts the open elements are exactly the marks covering
    that piece, outer layers first.
    """
    length = len(text)
    spans = sorted(
        (m for m in marks if 0 <= m.start < m.end <= length),
        key=lambda m: (m.start, m.layer, -m.end),
    )
    cuts = sorted({0, length, *(m.start for m in spans), *(m.end for m in spans)})
    out: list[str] = []
    stack: list[Mark] = []
    active: list[Mark] = []
    upcoming = 0
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [m for m in active if m.end > a]
        while upcoming < len(spans) and spans[upcoming].start <= a:
            active.append(spans[upcoming])
            upcoming += 1
        wanted = sorted(active, key=lambda m: (m.layer, m.start, -m.end))
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        for mark in reversed(stack[keep:]):
            out.append(f"</{mark.tag}>" + (mark.tail if mark.end == a else ""))
        for mark in wanted[keep:]:
            out.append(f"<{mark.tag}{mark.attrs}>" + (mark.lead if mark.start == a else ""))
        stack = wanted
        out.append(esc(text[a:b]))
    for mark in reversed(stack):
        out.append(f"</{mark.tag}>" + (mark.tail if mark.end == length else ""))
    return "".join(out)


#: layers, outermost first
DROPPED, SENTENCE, QUOTE, MENTION = range(4)


def article_marks(record: Record) -> list[Mark]:
    marks: list[Mark] = []
    for span in record.get("dropped", ()):
        reason = esc(span["reason"])
        marks.append(
            Mark(
                span["start"],
                span["end"],
                DROPPED,
                "span",
                f' class="d" title="dropped: {reason}"',
                lead=f'<span class="why">{reason}</span>',
            )
        )
    if "method" not in record and "metadata" in record:  # parse: show how it split sentences
        for sentence in record["sentences"]:
            marks.append(
                Mark(
                    sentence["start"],
                    sentence["end"],
                    SENTENCE,
                    "span",
                    # every other sentence shaded, so that where one ends shows
                    f' class="sn{" alt" if sentence["index"] % 2 else ""}" title="sentence '
                    f'{sentence["index"]}, paragraph {sentence["paragraph"]}"',
                )
            )
    for sentence in summary_sentences(record):
        marks.append(
            Mark(
                sentence["start"],
                sentence["end"],
                SENTENCE,
                "mark",
                f' class="s" title="summary sentence, rank {sentence["rank"]}"',
            )
        )
    for quote in record.get("quotes", ()):
        speaker = quote["speaker"]
        said = f"{speaker} ({quote['cue']})" if speaker and quote["cue"] else speaker
        title = f"{quote['kind']} quotation: {said}" if said else f"{quote['kind']} quotation"
        marks.append(
            Mark(
                quote["start"],
                quote["end"],
                QUOTE,
                "span",
                f' class="q" title="{esc(title)}"',
                tail=f'<span class="who">— {esc(speaker)}</span>' if speaker else "",
            )
        )
    for entity in record.get("entities", ()):
        kind = esc(entity["type"])
        title = esc(f"{entity['name']} · {entity['type']}")
        for mention in entity["mentions"]:
            marks.append(
                Mark(
                    mention["start"],
                    mention["end"],
                    MENTION,
                    "span",
                    f' class="e e-{kind}" title="{title}"',
                )
            )
    return marks


def summary_sentences(record: Record) -> list[Record]:
    if isinstance(record.get("summary"), dict):  # analyze
        sentences: list[Record] = record["summary"]["sentences"]
        return sentences
    if "method" in record:  # summarize
        return list(record["sentences"])
    return []


def summary_text(record: Record) -> str | None:
    summary = record.get("summary")
    if isinstance(summary, dict):
        return str(summary["text"])
    return summary if isinstance(summary, str) else None


def scores_of(record: Record) -> Record | None:
    if isinstance(record.get("readability"), dict):
        scores: Record = record["readability"]
        return scores
    return record if "consensus_grade" in record else None


def title_of(record: Record) -> str | None:
    title = record.get("title")
    if isinstance(title, dict):  # parse: the title with its offsets
        return str(title["text"])
    return title


# --- small inline SVG ----------------------------------------------------------------


def _band(difficulty: float) -> str:
    return "easy" if difficulty < 0.4 else "mid" if difficulty < 0.7 else "hard"


def gauge(label: str, value: float, low: float, high: float, *, easier_high: bool = False) -> str:
    """A half-dial from low to high; its colour says easy, middling or hard."""
    share = min(max((value - low) / (high - low), 0.0), 1.0)
    radius, cx, cy = 34, 44, 42
    angle = math.pi * (1 - share)
    x, y = cx + radius * math.cos(angle), cy - radius * math.sin(angle)
    band = _band(1 - share if easier_high else share)
    described = esc(f"{label}: {value:g}")
    return (
        f'<svg class="gauge" viewBox="0 0 88 62" width="88" height="62" role="img" '
        f'aria-label="{described}"><title>{described}</title>'
        f'<path class="track" d="M{cx - radius} {cy} A{radius} {radius} 0 0 1 {cx + radius} {cy}"/>'
        f'<path class="arc {band}" d="M{cx - radius} {cy} A{radius} {radius} 0 0 1 '
        f'{x:.1f} {y:.1f}"/>'
        f'<text class="v" x="{cx}" y="{cy - 2}" text-anchor="middle">{value:.1f}</text>'
        f'<text class="l" x="{cx}" y="{cy + 16}" text-anchor="middle">{esc(label)}</text></svg>'
    )


#: (key, label, low, high, whether higher is easier); a formula that is not the article's
#: language's is null, and has no dial
GAUGES = (
    ("consensus_grade", "grade", 0, 18, False),
    ("flesch_reading_ease", "reading ease", 0, 100, True),
    ("flesch_kincaid_grade", "Flesch–Kincaid", 0, 18, False),
    ("gunning_fog", "Gunning fog", 0, 18, False),
    ("smog_index", "SMOG", 0, 18, False),
    ("dale_chall_readability_score", "Dale–Chall", 4, 10, False),
    ("wiener_sachtextformel_1", "Wiener Sachtextformel", 4, 15, False),
    ("fernandez_huerta", "Fernández Huerta", 0, 100, True),
    ("gulpease_index", "Gulpease", 0, 100, True),
    ("osman", "Osman", 0, 120, True),
)
#: every language has LIX: the dial for one with no grade of its own
LIX_GAUGE = ("lix", "LIX", 20, 60, False)


def gauges(scores: Record) -> str:
    english = scores["consensus_grade"] is not None
    dials = "".join(
        gauge(label, scores[key], lo, hi, easier_high=up)
        for key, label, lo, hi, up in (GAUGES if english else (*GAUGES, LIX_GAUGE))
        if scores[key] is not None
    )
    unfamiliar = scores["difficult_words"]
    listed = "the Dale–Chall list" if english else "the list of common words"
    counts = (
        f"{scores['words']} words, {scores['sentences']} sentences, "
        + ("" if unfamiliar is None else f"{unfamiliar} not on {listed}; ")
        + reading_time(scores["words"])
    )
    return f'<div class="gauges">{dials}<p>{esc(counts)}</p></div>'


#: words a minute of an adult reading English non-fiction silently (Brysbaert, 2019, a
#: meta-analysis of 190 studies: 238); textstat's `reading_time_seconds` counts 14.69 ms
#: a character, which made 924 words "71 s"
READING_WPM = 238


def reading_time(words: int) -> str:
    """How long the words take to read, as a reader would say it: "about 4 min"."""
    minutes = words / READING_WPM
    said = "under a minute" if minutes < 1 else f"about {round(minutes)} min"
    return f"{said} to read at {READING_WPM} words a minute"


def _label(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(
    bars: Sequence[tuple[str, float]], caption: str, value: Callable[[float], str]
) -> str:
    """Horizontal bars, longest first, scaled to the longest."""
    row, width, left, right = 22, 640, 230, 60
    height = row * len(bars) + 4
    longest = max((v for _, v in bars), default=0) or 1
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{esc(caption)}"><title>{esc(caption)}</title>'
    ]
    for i, (name, amount) in enumerate(bars):
        y = i * row
        length = (width - left - right) * amount / longest
        parts.append(
            f'<text x="{left - 6}" y="{y + 16}" text-anchor="end">{esc(_label(name))}</text>'
            f'<rect class="bar" x="{left}" y="{y + 5}" width="{length:.1f}" height="{row - 8}" '
            f'rx="2"/><text x="{left + length + 4:.1f}" y="{y + 16}">{esc(value(amount))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def histogram(counts: Sequence[int], caption: str) -> str:
    """Vertical bars, one per consensus grade (the last: that grade and above)."""
    width, height, bottom, left = 640, 180, 22, 28
    step = (width - left) / len(counts)
    tallest = max(counts, default=0) or 1
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{esc(caption)}"><title>{esc(caption)}</title>'
        f'<text x="0" y="12">{tallest}</text><text x="0" y="{height - bottom}">0</text>'
    ]
    for grade, count in enumerate(counts):
        x = left + grade * step
        bar = (height - bottom - 14) * count / tallest
        top = height - bottom - bar
        parts.append(
            f'<rect class="bar" x="{x + 1:.1f}" y="{top:.1f}" width="{step - 2:.1f}" '
            f'height="{bar:.1f}"><title>grade {grade}{"+" if grade == len(counts) - 1 else ""}: '
            f"{count}</title></rect>"
        )
        if grade % 2 == 0:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{height - 6}" text-anchor="middle">{grade}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


# --- an article ----------------------------------------------------------------------


def _language(record: Record) -> str:
    """The article's language as a badge, its confidence on hover; empty when unknown."""
    language = record.get("language")
    if language is None:
        return ""
    confidence = record.get("language_confidence")
    said = "given by --lang" if confidence is None else f"confidence {confidence:.2f}"
    return f'<span class="badge" title="language, {said}">{esc(language)}</span>'


def _meta(record: Record) -> str:
    """Where the record comes from, each piece as text (a page's URL too: never a link),
    and any analysis left out because it does not read the article's language."""
    pieces = [esc(f"by {record['byline']}")] if record.get("byline") else []
    pieces += [esc(record[key]) for key in ("date", "site_name") if record.get(key)]
    pieces.append(f"<code>{esc(record['source'])}</code>")
    for key in ("id", "url", "captured"):
        if record.get(key) is not None:
            pieces.append(f"{key} {esc(record[key])}")
    if "truncated" in record:
        pieces.append(f"cut at {record['truncated']:,} characters")
    meta = f'<p class="meta">{_language(record)}{" · ".join(pieces)}</p>'
    for reason in record.get("skipped", ()):
        meta += f'<p class="skipped">left out: {esc(reason)}</p>'
    return meta


def _key(record: Record) -> str:
    """A legend of the marks this article's text carries."""
    items = []
    if "metadata" in record:  # parse
        items.append('<span class="sn alt">every other sentence</span>')
    if summary_sentences(record):
        items.append('<mark class="s">summary sentence</mark>')
    if record.get("quotes"):
        items.append('<span class="q">quotation<span class="who">— speaker</span></span>')
    types = dict.fromkeys(e["type"] for e in record.get("entities", ()))
    items.extend(f'<span class="e e-{esc(t)}">{esc(t)}</span>' for t in types)
    if record.get("dropped"):
        items.append('<span class="d"><span class="why">reason</span>dropped</span>')
    if not items:
        return ""
    return '<p class="key">' + "".join(items) + "</p>"


def _table(headers: Sequence[str], rows: Iterable[Sequence[Any]], numeric: set[int]) -> str:
    def cell(tag: str, i: int, value: Any) -> str:
        return f'<{tag} class="n">{value}</{tag}>' if i in numeric else f"<{tag}>{value}</{tag}>"

    head_row = "".join(cell("th", i, esc(h)) for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head_row}</tr></thead><tbody>{body}</tbody></table>"


def _entities_table(entities: Sequence[Record]) -> str:
    rows = [
        (
            f'<span class="e e-{esc(e["type"])}">{esc(e["name"])}</span>',
            esc(e["type"]),
            esc(e["role"] or ""),
            e["count"],
            f"{e['salience']:.2f}",
        )
        for e in entities
    ]
    return "<h3>Entities</h3>" + _table(
        ("entity", "type", "role", "mentions", "salience"), rows, {3, 4}
    )


def _speakers(quotes: Sequence[Record]) -> Counter[str]:
    return Counter(q["speaker"] for q in quotes if q["speaker"])


def _paragraph_grades(record: Record) -> str:
    """readability --by paragraph: a row per paragraph with its grade as a bar."""
    text = record.get("text")
    rows = []
    for p in record["paragraphs"]:
        if p["consensus_grade"] is None:  # an English grade: not the article's language's
            rows.append((p["paragraph"], "", p["words"], _begins(text, p)))
            continue
        share = min(max(p["consensus_grade"] / 18, 0.0), 1.0)
        bar = (
            f'<svg width="90" height="10" role="img" aria-label="grade {p["consensus_grade"]}">'
            f'<rect class="bar" width="{90 * share:.1f}" height="10" rx="2"/></svg>'
        )
        rows.append(
            (p["paragraph"], f"{p['consensus_grade']:.1f} {bar}", p["words"], _begins(text, p))
        )
    return "<h3>Paragraphs</h3>" + _table(("¶", "grade", "words", "begins"), rows, {0, 2})


def _begins(text: str | None, paragraph: Record) -> str:
    return esc(_label(text[paragraph["start"] : paragraph["end"]], 80)) if text else ""


def article_section(record: Record, number: int) -> str:
    """One article: title, origin, gauges, summary, the marked text, entities, speakers."""
    title = title_of(record) or "(no title)"
    parts = [f'<article id="a-{number}">', f"<h2>{esc(title)}</h2>", _meta(record)]
    scores = scores_of(record)
    if scores is not None:
        parts.append(gauges(scores))
    if "paragraphs" in record and "metadata" not in record:
        parts.append(_paragraph_grades(record))
    summary = summary_text(record)
    if summary:
        parts.append(f'<p class="summary">{esc(summary)}</p>')
    metadata = record.get("metadata")
    if metadata:
        found = [(k, v if isinstance(v, str) else "; ".join(v)) for k, v in metadata.items() if v]
        if found:
            parts.append(
                '<p class="meta">' + " · ".join(f"{esc(k)}: {esc(v)}" for k, v in found) + "</p>"
            )
    text = record.get("text")
    if text is not None:
        parts.append(_key(record))
        parts.append(f'<div class="text">{marked(text, article_marks(record))}</div>')
    if record.get("entities"):
        parts.append(_entities_table(record["entities"]))
    speakers = _speakers(record.get("quotes", ()))
    if speakers:
        rows = [(esc(name), count) for name, count in speakers.most_common()]
        parts.append("<h3>Quoted</h3>" + _table(("speaker", "quotes"), rows, {1}))
    parts.append("</article>\n")
    return "".join(parts)


# --- a corpus ------------------------------------------------------------------------


class Tally:
    """Weights by name, exact up to `limit` names; past it the lightest half is dropped
    (the heaviest names of a large corpus stay, their totals then a lower bound)."""

    def __init__(self, limit: int = NAME_LIMIT):
        self.weights: dict[str, float] = {}
        self.limit = limit
        self.pruned = False

    def add(self, name: str, weight: float) -> None:
        self.weights[name] = self.weights.get(name, 0.0) + weight
        if len(self.weights) > self.limit:
            self.weights = dict(self.top(self.limit // 2))
            self.pruned = True

    def top(self, n: int) -> list[tuple[str, float]]:
        """The n heaviest, heaviest first; ties by name, so pages do not vary."""
        return heapq.nsmallest(n, self.weights.items(), key=lambda item: (-item[1], item[0]))

    def people(self) -> "Tally":
        """The tally of speakers with each person once across articles: each article names
        a speaker by the fullest name it gives, but an article that names someone by surname
        alone ("Osei") gives only that; it joins the one fuller speaker of the report with
        that surname ("Clara Osei"). A surname two fuller names share ("Trump": Donald,
        Melania) stays apart."""
        fuller: dict[str, list[str]] = {}
        for name in self.weights:
            words = name.split()
            if len(words) > 1 and words[-1][:1].isupper():
                fuller.setdefault(words[-1], []).append(name)
        people = Tally(self.limit)
        people.pruned = self.pruned
        for name, weight in self.weights.items():
            into = fuller.get(name, ())
            person = into[0] if len(into) == 1 else name
            people.weights[person] = people.weights.get(person, 0.0) + weight
        return people


class Overview:
    """What a corpus's overview needs, gathered record by record in bounded memory."""

    def __init__(self) -> None:
        self.count = 0
        self.speakers = Tally()
        self.entities = Tally()
        self.languages = Tally()
        self.grades = [0] * GRADE_BINS
        self.graded = 0
        # kept open across records and closed once copied out in `write`
        self.rows: Any = SpooledTemporaryFile(ROWS_IN_MEMORY, mode="w+", encoding="utf-8")  # noqa: SIM115

    def add(self, record: Record, number: int) -> None:
        self.count += 1
        if record.get("language") is not None:
            self.languages.add(record["language"], 1)
        for quote in record.get("quotes", ()):
            if quote["speaker"]:
                self.speakers.add(quote["speaker"], 1)
        for entity in record.get("entities", ()):
            self.entities.add(f"{entity['name']} ({entity['type']})", entity["salience"])
        scores = scores_of(record)
        grade = ""
        if scores is not None and scores["words"] and scores["consensus_grade"] is not None:
            self.grades[min(max(int(scores["consensus_grade"]), 0), GRADE_BINS - 1)] += 1
            self.graded += 1
            grade = f"{scores['consensus_grade']:.1f}"
        title = title_of(record) or "(no title)"
        cells = [
            str(number),
            f'<a href="#a-{number}">{esc(title)}</a>',
            f"<code>{esc(record['source'])}</code>",
            esc(record.get("language") or ""),
            grade,
            str(scores["words"]) if scores else "",
            str(len(record["quotes"])) if "quotes" in record else "",
            esc(", ".join(e["name"] for e in record.get("entities", ())[:3])),
        ]
        numeric = {0, 4, 5, 6}
        self.rows.write(
            "<tr>"
            + "".join(
                f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>"
                for i, c in enumerate(cells)
            )
            + "</tr>\n"
        )

    def write(self, out: TextIO) -> None:
        articles = "article" if self.count == 1 else "articles"
        out.write(f'<section id="overview">\n<h1>newscli report: {self.count} {articles}</h1>\n')
        charts = [
            ("Most quoted", self.speakers.people(), lambda v: f"{v:.0f}", "quotations per speaker"),
            ("Most salient entities", self.entities, lambda v: f"{v:.2f}", "summed salience"),
        ]
        if len(self.languages.weights) > 1:  # one language needs no chart
            charts.append(("Languages", self.languages, lambda v: f"{v:.0f}", "articles"))
        for heading, tally, value, unit in charts:
            bars = tally.top(TOP)
            if bars:
                note = " (heaviest names only: the corpus named more)" if tally.pruned else ""
                out.write(f"<h3>{heading}: {unit}{note}</h3>\n")
                out.write(bar_chart(bars, f"{heading}: {unit}", value) + "\n")
        if self.graded:
            articles = "article" if self.graded == 1 else "articles"
            out.write(f"<h3>Readability: consensus grade of {self.graded} {articles}</h3>\n")
            out.write(histogram(self.grades, "articles by consensus grade") + "\n")
        out.write("<h3>Articles</h3>\n<table><thead><tr>")
        headers = ("#", "title", "source", "lang", "grade", "words", "quotes", "main entities")
        out.write(
            "".join(
                f'<th class="n">{h}</th>' if i in {0, 4, 5, 6} else f"<th>{h}</th>"
                for i, h in enumerate(headers)
            )
        )
        out.write("</tr></thead><tbody>\n")
        self.rows.seek(0)
        shutil.copyfileobj(self.rows, out)
        self.rows.close()
        out.write("</tbody></table>\n</section>\n")


# --- pages ---------------------------------------------------------------------------


class ArticlePage:
    """Every per-article command's page: a section per record, as it comes."""

    def __init__(self, out: TextIO, *, many: bool):
        self.out = out
        self.many = many
        self.count = 0
        self.overview = Overview() if many else None

    def write(self, record: Record) -> None:
        if self.count == 0:
            page_title = "newscli report" if self.many else title_of(record) or record["source"]
            self.out.write(head(page_title))
        self.count += 1
        self.out.write(article_section(record, self.count))
        if self.overview is not None:
            self.overview.add(record, self.count)

    def close(self) -> None:
        if self.count == 0:
            self.out.write(head("newscli report") + "<p>No articles.</p>\n")
        if self.overview is not None:
            self.overview.write(self.out)
        self.out.write(FOOT)


class ClusterPage:
    """dedupe: the clusters with duplicates, representative first, then the rest."""

    def __init__(self, out: TextIO, *, many: bool):
        self.out = out
        self.records: list[Record] = []

    def write(self, record: Record) -> None:
        self.records.append(record)

    def close(self) -> None:
        clusters: dict[str, list[Record]] = {}
        for record in self.records:
            clusters.setdefault(record["cluster"], []).append(record)
        repeated = [
            members
            for members in clusters.values()
            if len(members) > 1 or any(m["duplicate_of"] is not None for m in members)
        ]
        duplicates = sum(1 for r in self.records if r["duplicate_of"] is not None)
        out = self.out
        out.write(head("newscli dedupe"))
        out.write(
            f"<section><h1>Duplicates</h1><p>{len(self.records)} documents: {duplicates} "
            f"duplicates in {len(repeated)} clusters, {len(self.records) - duplicates} "
            "to keep.</p></section>\n"
        )
        for number, members in enumerate(repeated, 1):
            members.sort(key=lambda m: (m["duplicate_of"] is not None, -(m["similarity"] or 0)))
            lead = members[0]
            rows: list[tuple[str, ...]] = []
            if lead["duplicate_of"] is not None:  # its representative was indexed before
                rows.append(("indexed", "", f"<code>{esc(lead['duplicate_of'])}</code>", "", ""))
            for m in members:
                similarity = "" if m["similarity"] is None else f"{m['similarity']:.2f}"
                rows.append(
                    (
                        esc(m["kind"]),
                        similarity,
                        f"<code>{esc(m['source'])}</code>",
                        esc(m.get("language") or ""),
                        esc(m.get("title") or ""),
                    )
                )
            out.write(
                f'<article id="c-{number}"><h2>Cluster {esc(lead["cluster"][:8])}</h2>'
                + _table(("kind", "similarity", "source", "lang", "title"), rows, {1})
                + "</article>\n"
            )
        shown = {members[0]["cluster"] for members in repeated}
        unique = [r for r in self.records if r["cluster"] not in shown]
        if unique:
            rows = [(f"<code>{esc(r['source'])}</code>", esc(r.get("title") or "")) for r in unique]
            out.write(
                f"<section><details><summary>{len(unique)} documents without a duplicate"
                "</summary>" + _table(("source", "title"), rows, set()) + "</details></section>\n"
            )
        out.write(FOOT)


class PairsPage:
    """dedupe --pairs: a table of the verified pairs, the copy first."""

    def __init__(self, out: TextIO, *, many: bool):
        self.out = out
        self.rows: list[tuple[str, ...]] = []

    def write(self, record: Record) -> None:
        self.rows.append(
            (
                f"{record['similarity']:.2f}",
                esc(record["kind"]),
                f"<code>{esc(record['source'])}</code>",
                f"<code>{esc(record['duplicate_of'])}</code>",
            )
        )

    def close(self) -> None:
        self.out.write(head("newscli dedupe --pairs"))
        self.out.write(
            f"<section><h1>{len(self.rows)} duplicate pairs</h1>"
            + _table(("similarity", "kind", "copy", "duplicate of"), self.rows, {0})
            + "</section>\n"
            + FOOT
        )


PAGES: dict[str, Callable[..., Any]] = {
    "articles": ArticlePage,
    "clusters": ClusterPage,
    "pairs": PairsPage,
}
