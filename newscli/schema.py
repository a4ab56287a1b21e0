"""Every record newscli writes, declared once: the JSON API.

Each command's record and each of its sub-records is a TypedDict here (which are whose:
`newscli.commands`); the analyses build them, the layouts name their CSV columns from them,
`newscli schema COMMAND` prints them as JSON Schema, and docs/commands/ lists their fields
(make docs) with the `#:` comment above each as its description (`#: (with OTHER)`: described
in OTHER's row; a list's items get a table of their own where their fields have `#:` comments,
so the items described in their list's row keep plain comments); tests check the output
against them.
Fields are only ever added. A key that is not always there is `NotRequired`.
"""

from enum import StrEnum
from types import NoneType, UnionType
from typing import (
    Any,
    NotRequired,
    TypedDict,
    TypeVar,
    Union,
    cast,
    get_args,
    get_origin,
    get_type_hints,
)

#: a record as the writer sees it: any of the TypedDicts below
Record = dict[str, Any]
_Record = TypeVar("_Record", bound=Any)


class DropReason(StrEnum):
    """Why cleaning left a span out of the body."""

    category = "category"
    comments = "comments"
    share = "share"
    subscribe = "subscribe"
    advertisement = "advertisement"
    related_link = "related_link"
    copyright = "copyright"
    headline = "headline"
    photo_caption = "photo_caption"
    byline = "byline"
    credits = "credits"
    date = "date"
    dateline = "dateline"


class SummaryMethod(StrEnum):
    newscli = "newscli"
    lead = "lead"
    textrank = "textrank"
    lexrank = "lexrank"


class QuoteKind(StrEnum):
    #: a quoted utterance
    direct = "direct"
    #: a quoted fragment inside reported speech
    partial = "partial"
    #: a short quote no one says, or a title (--all)
    scare = "scare"
    #: reported speech without quotation marks (--indirect)
    indirect = "indirect"


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"
    LOC = "LOC"
    NORP = "NORP"
    MISC = "MISC"


class DuplicateKind(StrEnum):
    exact = "exact"
    near = "near"
    unique = "unique"


# --- what every record starts with ---------------------------------------------------


class Labels(TypedDict):
    """Where a record comes from, and what `analyze_chunk` adds at its end."""

    #: where the record comes from: the path, `<stdin>`, `FILE:LINE` for JSONL, `FILE:OFFSET` for a
    #: crawl's page; see [Output](../inputs-outputs.md#output)
    source: str
    #: a JSONL record's `id`, when it has one
    id: NotRequired[str | int]
    #: a web page's address: the WARC record's target, the JSONL record's `url`, or the page's
    #: canonical URL
    url: NotRequired[str]
    #: a crawl's capture date (ISO 8601)
    captured: NotRequired[str]
    #: the `--max-chars` limit, when the article was cut there
    truncated: NotRequired[int]
    #: the text the offsets index: a web page's extracted text in `parse`'s record, and any input's
    #: with `--with-text`
    text: NotRequired[str]


class Titled(Labels):
    #: the title the parse found, or null
    title: str | None
    # ISO 639-1 ("en"; ISO 639-3 where there is no two-letter code); "und" when the text has
    # no letters to tell it by
    #: the article's language, and what was left out for it: see [Languages](../languages.md)
    language: str
    # the share of the text read as `language` (0-1); null when --lang gave it, or "und"
    #: (with language)
    language_confidence: float | None
    #: a web page's author(s) (names joined by `; `), publication date and site name, where the page
    #: gives them; absent otherwise
    byline: NotRequired[str]
    #: (with byline)
    date: NotRequired[str]
    #: (with byline)
    site_name: NotRequired[str]
    #: (with language)
    skipped: NotRequired[list[str]]


# --- parse ---------------------------------------------------------------------------


class TitleSpan(TypedDict):
    text: str
    #: null when the title was given, not found in the text
    start: int | None
    end: int | None


class Metadata(TypedDict):
    byline: str | None
    dateline: str | None
    date: str | None
    category_tags: list[str]
    site_name: str | None


class DroppedSpan(TypedDict):
    text: str
    start: int
    end: int
    reason: DropReason


class ParagraphSpan(TypedDict):
    index: int
    text: str
    start: int
    end: int


class SentenceSpan(TypedDict):
    index: int
    text: str
    start: int
    end: int
    paragraph: int


class TokenSpan(TypedDict):
    text: str
    start: int
    end: int
    sentence: int


class ParseView(TypedDict):
    """How newscli reads an article: `analysis.parse.describe`."""

    #: the first line, when it is short and does not end like a sentence (a JSONL `title` has null
    #: offsets)
    title: TitleSpan | None
    #: the article's language: see [Languages](../languages.md)
    language: str
    #: (with language)
    language_confidence: float | None
    #: `byline` (the names after "By", or a page's author), `dateline` (`WASHINGTON (Reuters)`),
    #: `date` (a date line, or a page's publication date), `category_tags` (list of tag lines),
    #: `site_name` (a page's) — each null or empty when absent
    metadata: Metadata
    #: what cleaning left out, and why (the reasons below)
    dropped: list[DroppedSpan]
    #: the body paragraphs
    paragraphs: list[ParagraphSpan]
    #: the body's sentences; `paragraph` is the index of the paragraph it is in
    sentences: list[SentenceSpan]
    #: with `--tokens`: every token; `sentence` is the index of its sentence
    tokens: NotRequired[list[TokenSpan]]


class ParseRecord(Labels, ParseView):
    pass


# --- readability ---------------------------------------------------------------------


class ReadabilityScores(TypedDict):
    """A formula that is not the language's is null (see the README's table of languages),
    and so is every score and ratio of a text without words."""

    #: higher is easier; with the language's constants where textstat adapts them (German: Amstad,
    #: Spanish: Fernández Huerta, French: Kandel & Moles, Italian: Flesch–Vacca, Dutch: Douma,
    #: Russian: Oborneva, Hungarian)
    flesch_reading_ease: float | None
    #: US grade levels (English; Gunning fog also Hungarian and Polish, SMOG also Hungarian)
    flesch_kincaid_grade: float | None
    #: (with flesch_kincaid_grade)
    gunning_fog: float | None
    #: (with flesch_kincaid_grade)
    smog_index: float | None
    #: (with flesch_kincaid_grade)
    coleman_liau_index: float | None
    #: (with flesch_kincaid_grade)
    automated_readability_index: float | None
    #: Dale–Chall raw score, and textstat's variant (unfamiliar words of two or more syllables)
    dale_chall_readability_score: float | None
    #: (with flesch_kincaid_grade)
    linsear_write_formula: float | None
    #: one grade level: the mean of six grade formulas — Flesch–Kincaid, Gunning fog, SMOG,
    #: Coleman–Liau, ARI and Dale–Chall put on the grade scale by its published table; Linsear
    #: Write, which scores a 100-word sample, is left out (English)
    consensus_grade: float | None
    #: the counts the formulas use; polysyllabic = three or more syllables
    sentences: int
    #: (with sentences)
    words: int
    #: (with sentences)
    syllables: int
    #: (with sentences)
    polysyllabic_words: int
    #: words not on the language's list of familiar words (English: Dale–Chall's, what Dale–Chall
    #: counts; Spanish: textstat's 20,000 common words); null where textstat has no list
    difficult_words: int | None
    #: non-space characters; letters and digits; whitespace-separated tokens, a free-standing `&` or
    #: `–` included (ARI's and Gulpease's words, as textstat counts them)
    characters: int
    #: (with characters)
    letters: int
    #: 14.69 ms per character, textstat's rate (the HTML report says instead how long the words take
    #: at 238 words a minute, the mean silent reading rate of English non-fiction in Brysbaert's
    #: 2019 meta-analysis: "about 4 min to read" for 924 words)
    reading_time_seconds: float
    #: textstat's consensus as its grade string, `"10th and 11th grade"` (English)
    text_standard: str | None
    #: (with dale_chall_readability_score)
    dale_chall_readability_score_v2: float | None
    #: Spache (grade, for young readers), McAlpine EFLAW (English as a foreign language)
    spache_readability: float | None
    #: (with spache_readability)
    mcalpine_eflaw: float | None
    #: Björnsson's LIX and Anderson's RIX: long words and sentence length, every language
    lix: float | None
    #: (with lix)
    rix: float | None
    #: the four Wiener Sachtextformeln (German)
    wiener_sachtextformel_1: float | None
    #: (with wiener_sachtextformel_1)
    wiener_sachtextformel_2: float | None
    #: (with wiener_sachtextformel_1)
    wiener_sachtextformel_3: float | None
    #: (with wiener_sachtextformel_1)
    wiener_sachtextformel_4: float | None
    #: Spanish
    fernandez_huerta: float | None
    #: (with fernandez_huerta)
    szigriszt_pazos: float | None
    #: (with fernandez_huerta)
    gutierrez_polini: float | None
    #: (with fernandez_huerta)
    crawford: float | None
    #: Italian
    gulpease_index: float | None
    #: Arabic
    osman: float | None
    #: the averages, every language; `chars_per_word` is per whitespace token, as textstat's
    words_per_sentence: float | None
    #: (with words_per_sentence)
    syllables_per_word: float | None
    #: (with words_per_sentence)
    chars_per_word: float | None
    #: (with words_per_sentence)
    letters_per_word: float | None
    #: (with words_per_sentence)
    sentences_per_word: float | None
    #: (with sentences)
    monosyllabic_words: int
    #: words of more than six letters (LIX, RIX, Wiener); of three letters or fewer (McAlpine)
    long_words: int
    #: (with long_words)
    miniwords: int
    #: unfamiliar words of two or more syllables (Spache, Dale–Chall v2); Gunning fog's hard words
    #: (English: unfamiliar, three or more syllables; Hungarian five, Polish four)
    spache_difficult_words: int | None
    #: (with spache_difficult_words)
    complex_words: int | None
    #: (with characters)
    whitespace_tokens: int


class ParagraphReadability(ReadabilityScores):
    paragraph: int
    start: int
    end: int


class ReadabilityRecord(Titled, ReadabilityScores):
    pass


class SkippedRecord(Titled):
    """An article in a language the command's analysis does not read: see `skipped`."""


class ReadabilityByParagraphRecord(Titled):
    #: with `--by paragraph`, instead of the scores and counts: one object per body paragraph with
    #: `paragraph`, `start`, `end` and the scores and counts
    paragraphs: list[ParagraphReadability]


# --- summarize -----------------------------------------------------------------------


class SummarySentence(TypedDict):
    # the sentence's number in the body, as `newscli parse` shows it
    index: int
    text: str
    start: int
    end: int
    score: float
    # its place among all sentences by score, 1 = best
    rank: int


class RankedSentence(SummarySentence):
    selected: bool


class Summary(TypedDict):
    #: the method that chose the sentences (`--method`)
    method: SummaryMethod
    #: the chosen sentences joined by spaces
    summary: str
    #: the chosen sentences: `index` is the sentence's number in the body as `newscli parse` shows
    #: it, `rank` its place among all sentences by score, 1 = best
    sentences: list[SummarySentence]
    #: with `--all`: every sentence as above plus `selected`, best first
    ranking: NotRequired[list[RankedSentence]]


class SummaryRecord(Titled, Summary):
    pass


# --- quotes --------------------------------------------------------------------------


class Quote(TypedDict):
    #: the quoted words, without the marks
    text: str
    #: (with text)
    start: int
    #: (with text)
    end: int
    #: `direct`, `partial`, `scare` (with `--all`) or `indirect` (with `--indirect`)
    kind: QuoteKind
    #: the resolved name; a description like "the board" when no one in the article matches it; null
    #: when no speaker is found, or it is "we", "I" without a byline, or a crowd (the chant of "a
    #: crowd chanting “…”" is no one's quotation; `speaker_mention` keeps the crowd)
    speaker: str | None
    #: the words that name the speaker where the quotation is attributed ("he", "the minister")
    speaker_mention: str | None
    #: (with speaker_mention)
    speaker_start: int | None
    #: (with speaker_mention)
    speaker_end: int | None
    #: the verb or phrase of attribution ("said", "according to")
    cue: str | None
    #: the speaker's title or role, when the article gives one
    role: str | None
    #: where the quotation starts (null in the title)
    paragraph: int | None
    #: (with paragraph)
    sentence: int | None
    #: the parts of one quotation (split by its attribution, or over paragraphs) share this number
    quotation: int | None
    #: whether the quotation is in the title
    in_title: bool


class Speaker(TypedDict):
    speaker: str
    role: str | None
    quotes: int


class QuotesRecord(Titled):
    #: the quotations, in text order
    quotes: list[Quote]
    #: with `--by speaker`: who is quoted and how often, most quoted first
    speakers: NotRequired[list[Speaker]]


# --- entities ------------------------------------------------------------------------


class Mention(TypedDict):
    text: str
    start: int
    end: int
    # the type the tagger gave this mention
    label: EntityType


class Entity(TypedDict):
    #: the canonical name: the fullest form the article uses
    name: str
    #: the entity's type: its mentions' commonest
    type: EntityType
    #: people's titles and roles, else null
    role: str | None
    #: mentions, and the [salience](entities.md#how-it-works): 0–1
    count: int
    #: (with count)
    salience: float
    #: the first mention
    start: int
    #: (with start)
    end: int
    #: every distinct form, in order
    aliases: list[str]
    #: every mention; `label` is the tagger's type for that mention
    mentions: list[Mention]


class EntitiesRecord(Titled):
    #: the entities, most salient first
    entities: list[Entity]


# --- analyze -------------------------------------------------------------------------


class AnalyzeSummary(TypedDict):
    text: str
    sentences: list[SummarySentence]


class AnalyzeRecord(Titled):
    #: the `readability` record's scores and counts; null when left out (its language)
    readability: ReadabilityScores | None
    #: `text` and `sentences`, as `summarize` gives them; null when left out
    summary: AnalyzeSummary | None
    #: as `quotes` gives them
    quotes: list[Quote]
    #: the entities, most salient first
    entities: list[Entity]


# --- dedupe --------------------------------------------------------------------------


class DedupeRecord(TypedDict):
    #: as in every record: see [Output](../inputs-outputs.md#output)
    source: str
    #: (with source)
    id: NotRequired[str | int]
    #: web pages' (not kept in an `--index`)
    url: NotRequired[str]
    #: (with url)
    captured: NotRequired[str]
    #: the title the parse found, or null
    title: str | None
    #: the article's language (see [Languages](../languages.md)); kept in an `--index`, null for a
    #: document indexed before newscli recorded it
    language: str | None
    #: an id derived from the cluster's representative; its members
    cluster: str
    #: (with cluster)
    cluster_size: int
    #: `exact`, `near` or `unique`
    kind: DuplicateKind
    #: the representative's source (null for the representative itself), and its `id` when it has
    #: one
    duplicate_of: str | None
    #: (with duplicate_of)
    duplicate_of_id: NotRequired[str | int]
    #: estimated containment against the representative: 1.0 for exact copies, null for the
    #: representative
    similarity: float | None
    #: with `--index`: false when the input was indexed before
    added: NotRequired[bool]


class DedupePairRecord(TypedDict):
    """--pairs: a verified pair, the copy first."""

    source: str
    id: NotRequired[str | int]
    #: the copy's language, as in DedupeRecord
    language: str | None
    duplicate_of: str
    duplicate_of_id: NotRequired[str | int]
    similarity: float
    kind: DuplicateKind
    cluster: str


def fields(record_type: type) -> tuple[str, ...]:
    """A record type's keys, in the order they are declared."""
    return tuple(record_type.__annotations__)


def ordered(record: _Record, record_type: type[_Record]) -> _Record:
    """The record with its keys in their declared order (built in another order)."""
    return cast(_Record, {key: record[key] for key in fields(record_type) if key in record})


# --- JSON Schema ---------------------------------------------------------------------

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_SCALARS: dict[Any, dict[str, str]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    NoneType: {"type": "null"},
}


def json_schema(command: str, record_types: tuple[type, ...]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a command's record: one of `record_types` (the
    command's, as `newscli.commands.RECORDS` declares them)."""
    definitions: dict[str, Any] = {}
    shapes = [_schema_of(t, definitions) for t in record_types]
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": f"https://newscli.invalid/schema/{command}.json",
        "title": f"newscli {command} record",
    }
    schema.update(shapes[0] if len(shapes) == 1 else {"anyOf": shapes})
    schema["$defs"] = dict(sorted(definitions.items()))
    return schema


def _schema_of(annotation: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    if annotation in _SCALARS:
        return dict(_SCALARS[annotation])
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        if annotation.__name__ not in definitions:
            definitions[annotation.__name__] = {
                "type": "string",
                "enum": [member.value for member in annotation],
            }
        return {"$ref": f"#/$defs/{annotation.__name__}"}
    if _is_typed_dict(annotation):
        name = annotation.__name__
        if name not in definitions:
            definitions[name] = {}  # a placeholder while its fields are worked out
            hints = get_type_hints(annotation)
            definition: dict[str, Any] = {"type": "object"}
            if annotation.__doc__ and annotation.__doc__ != _TYPED_DICT_DOC:
                definition["description"] = annotation.__doc__.strip()
            definition["properties"] = {
                key: _schema_of(hints[key], definitions) for key in fields(annotation)
            }
            definition["required"] = [
                key for key in fields(annotation) if key in annotation.__required_keys__
            ]
            definition["additionalProperties"] = False
            definitions[name] = definition
        return {"$ref": f"#/$defs/{name}"}
    origin = get_origin(annotation)
    if origin is list:
        (item,) = get_args(annotation)
        return {"type": "array", "items": _schema_of(item, definitions)}
    if origin in (Union, UnionType):
        return {"anyOf": [_schema_of(arg, definitions) for arg in get_args(annotation)]}
    raise TypeError(f"no JSON Schema for {annotation!r}")


def _is_typed_dict(annotation: Any) -> bool:
    return isinstance(annotation, type) and hasattr(annotation, "__required_keys__")


class _Empty(TypedDict):
    pass


#: the docstring a TypedDict without one of its own inherits (not a description)
_TYPED_DICT_DOC = _Empty.__doc__
