"""Every record newscli writes, declared once: the JSON API.

Each command's record and each of its sub-records is a TypedDict here (which are whose:
`newscli.commands`); the analyses build them, the layouts name their CSV columns from them,
`newscli schema COMMAND` prints them as JSON Schema, and docs/commands/ lists their fields
(make docs); tests check the output against them.
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

    #: the path, <stdin>, FILE:LINE for JSONL, FILE:OFFSET for a crawl's page
    source: str
    #: a JSONL record's id
    id: NotRequired[str | int]
    #: a web page's address
    url: NotRequired[str]
    #: when a crawler fetched the page (ISO 8601)
    captured: NotRequired[str]
    #: --max-chars, when the article was cut there
    truncated: NotRequired[int]
    #: the text the offsets index (a web page's extracted text; any input with --with-text)
    text: NotRequired[str]


class Titled(Labels):
    #: the title the parse found (or was given)
    title: str | None
    #: the article's language, ISO 639-1 ("en"; ISO 639-3 where there is no two-letter
    #: code); "und" when the text has no letters to tell it by
    language: str
    #: the share of the text read as `language` (0-1); null when --lang gave it, or "und"
    language_confidence: float | None
    #: a web page's author(s), names joined by "; ", when the page names them
    byline: NotRequired[str]
    #: a web page's publication date (ISO 8601), when the page gives it
    date: NotRequired[str]
    #: a web page's site name, when the page gives it
    site_name: NotRequired[str]
    #: why an analysis was left out: it does not read the article's language
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

    title: TitleSpan | None
    #: as in every other record
    language: str
    language_confidence: float | None
    metadata: Metadata
    dropped: list[DroppedSpan]
    paragraphs: list[ParagraphSpan]
    sentences: list[SentenceSpan]
    #: --tokens
    tokens: NotRequired[list[TokenSpan]]


class ParseRecord(Labels, ParseView):
    pass


# --- readability ---------------------------------------------------------------------


class ReadabilityScores(TypedDict):
    """A formula that is not the language's is null (see the README's table of languages),
    and so is every score and ratio of a text without words."""

    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    gunning_fog: float | None
    smog_index: float | None
    coleman_liau_index: float | None
    automated_readability_index: float | None
    dale_chall_readability_score: float | None
    linsear_write_formula: float | None
    consensus_grade: float | None
    sentences: int
    words: int
    syllables: int
    polysyllabic_words: int
    #: null where textstat has no list of familiar words for the language
    difficult_words: int | None
    characters: int
    letters: int
    reading_time_seconds: float
    #: textstat's grade string ("10th and 11th grade") beside consensus_grade
    text_standard: str | None
    dale_chall_readability_score_v2: float | None
    spache_readability: float | None
    mcalpine_eflaw: float | None
    lix: float | None
    rix: float | None
    wiener_sachtextformel_1: float | None
    wiener_sachtextformel_2: float | None
    wiener_sachtextformel_3: float | None
    wiener_sachtextformel_4: float | None
    fernandez_huerta: float | None
    szigriszt_pazos: float | None
    gutierrez_polini: float | None
    crawford: float | None
    gulpease_index: float | None
    osman: float | None
    words_per_sentence: float | None
    syllables_per_word: float | None
    chars_per_word: float | None
    letters_per_word: float | None
    sentences_per_word: float | None
    monosyllabic_words: int
    #: words of more than six letters
    long_words: int
    #: words of at most three letters
    miniwords: int
    #: unfamiliar words of two or more syllables
    spache_difficult_words: int | None
    #: Gunning fog's hard words
    complex_words: int | None
    #: whitespace-separated tokens, punctuation alone included
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
    #: --by paragraph
    paragraphs: list[ParagraphReadability]


# --- summarize -----------------------------------------------------------------------


class SummarySentence(TypedDict):
    #: the sentence's number in the body, as `newscli parse` shows it
    index: int
    text: str
    start: int
    end: int
    score: float
    #: its place among all sentences by score, 1 = best
    rank: int


class RankedSentence(SummarySentence):
    selected: bool


class Summary(TypedDict):
    method: SummaryMethod
    #: the chosen sentences joined by spaces
    summary: str
    sentences: list[SummarySentence]
    #: --all: every sentence, best first
    ranking: NotRequired[list[RankedSentence]]


class SummaryRecord(Titled, Summary):
    pass


# --- quotes --------------------------------------------------------------------------


class Quote(TypedDict):
    text: str
    start: int
    end: int
    kind: QuoteKind
    #: the speaker's full name as the article gives it, pronouns resolved
    speaker: str | None
    #: the words that name the speaker where the quote is attributed
    speaker_mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    role: str | None
    paragraph: int | None
    sentence: int | None
    #: the parts of one quotation share this number
    quotation: int | None
    in_title: bool


class Speaker(TypedDict):
    speaker: str
    role: str | None
    quotes: int


class QuotesRecord(Titled):
    quotes: list[Quote]
    #: --by speaker
    speakers: NotRequired[list[Speaker]]


# --- entities ------------------------------------------------------------------------


class Mention(TypedDict):
    text: str
    start: int
    end: int
    #: the type the tagger gave this mention
    label: EntityType


class Entity(TypedDict):
    name: str
    type: EntityType
    role: str | None
    count: int
    salience: float
    #: the first mention's offsets
    start: int
    end: int
    aliases: list[str]
    mentions: list[Mention]


class EntitiesRecord(Titled):
    entities: list[Entity]


# --- analyze -------------------------------------------------------------------------


class AnalyzeSummary(TypedDict):
    text: str
    sentences: list[SummarySentence]


class AnalyzeRecord(Titled):
    #: null (as the summary) when left out: see `skipped`
    readability: ReadabilityScores | None
    summary: AnalyzeSummary | None
    quotes: list[Quote]
    entities: list[Entity]


# --- dedupe --------------------------------------------------------------------------


class DedupeRecord(TypedDict):
    source: str
    id: NotRequired[str | int]
    url: NotRequired[str]
    captured: NotRequired[str]
    title: str | None
    #: as in every other record; null for a document indexed before newscli recorded it
    language: str | None
    #: an id derived from the cluster's representative
    cluster: str
    cluster_size: int
    kind: DuplicateKind
    #: the representative's source; null for the representative itself
    duplicate_of: str | None
    duplicate_of_id: NotRequired[str | int]
    #: estimated containment against the representative; null for the representative
    similarity: float | None
    #: --index: false when the input was indexed before
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
