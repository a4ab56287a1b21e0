"""Extractive summaries of the cleaned body: whole sentences, with scores and offsets.

The default method, "newscli", scores each sentence by its position (news puts the
essentials first), its centrality (continuous LexRank over TF-IDF cosine similarity) and
its overlap with the headline, then picks sentences greedily, skipping near-duplicates of
what it already has. A sentence that leans on the one before it -- opening with a pronoun
or connective ("He said", "But"), or continuing a quotation -- comes only with that
sentence, so a summary never starts mid-thought or mid-quote.

"lead", "textrank" and "lexrank" are the classic baselines, for comparison: they rank
sentences and take the top ones, nothing more.

Every method reads every language: words are compared as the article's language reads them
(`newscli.words`), and the openers that lean on the sentence before are its language's
(`newscli.lexicon`'s DEPENDENT_OPENERS and POSSESSIVE_OPENERS); a language with no such
list has no openers to read, only quotations.
"""

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newscli.document import Document, Sentence
from newscli.language import ANY
from newscli.lexicon import DEPENDENT_OPENERS, POSSESSIVE_OPENERS
from newscli.quotemarks import open_after, starts_with_opening
from newscli.schema import RankedSentence, Summary, SummaryMethod, SummarySentence
from newscli.words import OWN_LANGUAGES, content_terms, word_count

METHODS = tuple(SummaryMethod)
DEFAULT_METHOD = "newscli"
DEFAULT_SENTENCES = 3

# Weights of the newscli score, chosen on the first 500 CNN/DailyMail dev articles and
# checked on the rest and on BBC news (make eval).
POSITION_WEIGHT = 0.55
CENTRALITY_WEIGHT = 0.25
TITLE_WEIGHT = 0.20
#: how fast the position prior decays: sentence i gets 1 / (1 + i / POSITION_SCALE)
POSITION_SCALE = 1.5
#: a candidate this similar (cosine) to a chosen sentence repeats it
REDUNDANCY = 0.6
#: sentences shorter than this rarely carry a summary's weight
MIN_WORDS = 6
#: the most sentences one quotation or pronoun chain may add to a pick
MAX_CHAIN = 3
LEXRANK_THRESHOLD = 0.1
DAMPING = 0.85

# First words that point back to an earlier sentence.
_DEPENDENT_OPENERS = frozenset(
    """he she they it his her their its him them this these those that but however also
    meanwhile still yet instead and so then both such nor or thus hence therefore
    moreover furthermore additionally besides otherwise later afterwards""".split()
)

Vector = dict[str, float]


def languages(method: str) -> frozenset[str]:
    """The languages a method reads: every one ("lead" only counts sentences; the others
    weigh words with the article's language's stop words and stems)."""
    return ANY


@dataclass(frozen=True, slots=True)
class Budget:
    """How long a summary may be: a number of sentences, a share of them, or a word count."""

    sentences: int | None = None
    ratio: float | None = None
    words: int | None = None

    def sentence_limit(self, available: int) -> int:
        """Sentences allowed: as asked, a share, all (within a word budget) or the default."""
        if self.ratio is not None:
            return max(1, round(self.ratio * available))
        if self.sentences is not None:
            return self.sentences
        return available if self.words is not None else DEFAULT_SENTENCES


def summarize(
    document: Document,
    *,
    budget: Budget = Budget(),
    method: str = DEFAULT_METHOD,
    order: str = "document",
    ranking: bool = False,
) -> Summary:
    """The summary record: its text and chosen sentences (and every sentence's score)."""
    sentences = document.sentences
    language = document.language.code
    profile = _Profile(sentences, language)
    scores = _scores(document, method, profile)
    if method == DEFAULT_METHOD:
        chosen = _pick_coherent(sentences, scores, profile, budget, language)
    else:
        chosen = _pick_top(sentences, scores, profile, budget)
    ranks = _ranks(scores)
    chosen.sort(key=(lambda i: ranks[i]) if order == "score" else (lambda i: i))
    record: Summary = {
        "method": SummaryMethod(method),
        "summary": joined(sentences[i].text for i in chosen),
        "sentences": [_sentence_record(sentences[i], scores[i], ranks[i]) for i in chosen],
    }
    if ranking:
        selected = set(chosen)
        record["ranking"] = [
            _ranked(_sentence_record(sentences[i], scores[i], ranks[i]), i in selected)
            for i in sorted(range(len(sentences)), key=lambda i: ranks[i])
        ]
    return record


#: the sentence ends of scripts written without spaces between sentences (Chinese, Japanese)
UNSPACED_ENDS = ("。", "！", "？", "．", "」", "』")


def joined(texts: Iterable[str]) -> str:
    """Sentences as one text: a space between them, but none after a Chinese or Japanese
    sentence end, which its script does not write."""
    out: list[str] = []
    for text in texts:
        if out and not out[-1].endswith(UNSPACED_ENDS):
            out.append(" ")
        out.append(text)
    return "".join(out)


class _Profile:
    """What every method needs of each sentence, computed once: its content terms, TF-IDF
    vector and word count, as the article's `language` reads them."""

    def __init__(self, sentences: Sequence[Sentence], language: str):
        self.language = language
        self.terms = [content_terms(s.text, language) for s in sentences]
        self.words = [word_count(s.text) for s in sentences]
        document_frequency: Counter[str] = Counter()
        for terms in self.terms:
            document_frequency.update(set(terms))
        total = len(sentences)
        self.idf = {
            term: math.log((1 + total) / (1 + df)) + 1 for term, df in document_frequency.items()
        }
        self.vectors = [self.vector(terms) for terms in self.terms]

    def vector(self, terms: list[str]) -> Vector:
        return {term: count * self.idf.get(term, 1.0) for term, count in Counter(terms).items()}


def _scores(document: Document, method: str, profile: _Profile) -> list[float]:
    """A score per body sentence; higher is more summary-worthy."""
    sentences = document.sentences
    if method == "lead":
        return [round(1 / (1 + i), 6) for i in range(len(sentences))]
    if method == "textrank":
        return _pagerank(_textrank_graph(profile))
    vectors = profile.vectors
    if method == "lexrank":
        return _pagerank(_similarity_graph(vectors, threshold=LEXRANK_THRESHOLD))
    if method != DEFAULT_METHOD:
        raise ValueError(f"unknown method {method!r}")
    centrality = _normalised(_pagerank(_similarity_graph(vectors)))
    title = document.title.text if document.title else ""
    title_vector = profile.vector(content_terms(title, profile.language))
    scores = []
    for i in range(len(sentences)):
        score = (
            POSITION_WEIGHT / (1 + i / POSITION_SCALE)
            + CENTRALITY_WEIGHT * centrality[i]
            + TITLE_WEIGHT * _cosine(vectors[i], title_vector)
        )
        if profile.words[i] < MIN_WORDS:
            score *= 0.3
        scores.append(round(score, 6))
    return scores


# --- choosing sentences ----------------------------------------------------------------


def _fits(words_used: int, sentence_words: int, budget: Budget) -> bool:
    return budget.words is None or words_used + sentence_words <= budget.words


def _pick_top(
    sentences: Sequence[Sentence], scores: list[float], profile: _Profile, budget: Budget
) -> list[int]:
    limit = budget.sentence_limit(len(sentences))
    chosen: list[int] = []
    words_used = 0
    for i in sorted(range(len(sentences)), key=lambda i: (-scores[i], i)):
        if len(chosen) == limit:
            break
        words = profile.words[i]
        if _fits(words_used, words, budget):
            chosen.append(i)
            words_used += words
    return chosen


def _pick_coherent(
    sentences: Sequence[Sentence],
    scores: list[float],
    profile: _Profile,
    budget: Budget,
    language: str,
) -> list[int]:
    """Greedy by score; each pick brings the sentences it depends on; no repeats."""
    limit = budget.sentence_limit(len(sentences))
    if language in OWN_LANGUAGES:
        texts = [s.text for s in sentences]
        inside_quote = _inside_quotation(sentences, texts)
        needs_previous = _needs_previous(texts, inside_quote, _DEPENDENT_OPENERS)
    else:
        texts = _quotation_view([s.text for s in sentences])
        inside_quote = _inside_quotation(sentences, texts)
        openers = DEPENDENT_OPENERS.get(language, frozenset())
        possessives = POSSESSIVE_OPENERS.get(language)
        needs_previous = _needs_previous(texts, inside_quote, openers, possessives)
    chosen: set[int] = set()
    words_used = 0
    for i in sorted(range(len(sentences)), key=lambda i: (-scores[i], i)):
        if len(chosen) >= limit:
            break
        if i in chosen:
            continue
        group = _with_dependencies(i, needs_previous, inside_quote)
        if group is None:
            continue
        new = [j for j in group if j not in chosen]
        words = sum(profile.words[j] for j in new)
        if len(chosen) + len(new) > limit or not _fits(words_used, words, budget):
            continue
        if any(
            _cosine(profile.vectors[j], profile.vectors[k]) > REDUNDANCY
            for j in new
            for k in chosen
        ):
            continue
        chosen.update(new)
        words_used += words
    return sorted(chosen)


def _with_dependencies(
    i: int, needs_previous: list[bool], inside_quote: list[bool]
) -> list[int] | None:
    """Sentence i with the sentences before it that it leans on and the ones after it that
    finish its quotation; None when that chain is too long to be worth it."""
    first = i
    while needs_previous[first] and first > 0:
        first -= 1
    last = i
    while last + 1 < len(inside_quote) and inside_quote[last + 1]:
        last += 1
    if last - first + 1 > MAX_CHAIN:
        return None
    return list(range(first, last + 1))


def _needs_previous(
    texts: Sequence[str],
    inside_quote: list[bool],
    openers: frozenset[str],
    possessives: tuple[frozenset[str], frozenset[str]] | None = None,
) -> list[bool]:
    """Whether each sentence (of `texts`) leans on the one before: it continues an open
    quotation, or opens with a pronoun or connective of `openers`, or with an article and
    a possessive (`possessives`: the articles, the possessives; Portuguese "O seu …")."""
    flags = []
    for i, text in enumerate(texts):
        # a pronoun opening a quotation is the speaker's, not a reference to the last sentence
        opens_quote = starts_with_opening(text)
        first_word = text.split(maxsplit=1)[0].lower().strip("(,")
        leans_back = not opens_quote and first_word in openers
        if not leans_back and possessives and first_word in possessives[0]:
            words = text.split(maxsplit=2)
            leans_back = len(words) > 1 and words[1].lower() in possessives[1]
        flags.append(i > 0 and (inside_quote[i] or leans_back))
    return flags


def _inside_quotation(
    sentences: Sequence[Sentence], texts: Sequence[str] | None = None
) -> list[bool]:
    """Whether each sentence continues a quotation opened by an earlier sentence: of its
    paragraph, or of the paragraph before when this one re-opens it (a quotation running
    over several paragraphs repeats the opening mark and closes only at its end).
    `texts`: a view of the sentences' texts (`_quotation_view`), if not the texts."""
    if texts is None:
        texts = [s.text for s in sentences]
    inside = []
    open_quote = False
    paragraph = -1
    for sentence, text in zip(sentences, texts, strict=True):
        opens = starts_with_opening(text)
        continuing = False
        if sentence.paragraph != paragraph:
            continuing = open_quote and opens
            open_quote = continuing
            paragraph = sentence.paragraph
        inside.append(continuing or (open_quote and not opens))
        open_quote = open_after(text, 0, len(text), open_quote)
    return inside


# German „…“ closes with the mark English opens with, German and Danish »…« face the other
# way from French «…», and `quotemarks` knows no Chinese or Japanese 「…」: a sentence that
# closes such a quotation would read as opening one, or as none. The view writes them as
# “…” and «…», which `quotemarks` reads each way round.
_LOW_QUOTATION = str.maketrans("„“", "“”")
_INWARD_GUILLEMETS = str.maketrans("»«", "«»")
_CORNER_BRACKETS = str.maketrans("「」", "“”")


def _quotation_view(texts: list[str]) -> list[str]:
    """The sentences' texts with the article's quotation marks written as `quotemarks`
    reads them: „…“ and 「…」 as “…”, and »…« (an article whose first guillemet is ») as
    «…»."""
    whole = "".join(texts)
    if "„" in whole:
        texts = [text.translate(_LOW_QUOTATION) for text in texts]
    if "「" in whole:
        texts = [text.translate(_CORNER_BRACKETS) for text in texts]
    guillemets = [i for i in (whole.find("»"), whole.find("«")) if i >= 0]
    if guillemets and whole[min(guillemets)] == "»":
        texts = [text.translate(_INWARD_GUILLEMETS) for text in texts]
    return texts


# --- scoring ---------------------------------------------------------------------------


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b[term] for term, weight in a.items() if term in b)


def _norm(vector: Vector) -> float:
    return math.sqrt(sum(w * w for w in vector.values()))


def _cosine(a: Vector, b: Vector) -> float:
    dot = _dot(a, b) if a and b else 0.0
    return dot / (_norm(a) * _norm(b)) if dot else 0.0


Graph = list[dict[int, float]]

#: up to this many sentences (a 20,000-word article; the longest article of the eval sets
#: has 151) every pair of sentences is compared; beyond it, each sentence only with its
#: WINDOW neighbours on either side, so that an article's cost grows with its length, not
#: with its square (a 10-million-character article has some 80,000 sentences)
PAIRWISE_LIMIT = 1000
WINDOW = 10


def _last_pair(i: int, count: int) -> int:
    """One past the last sentence that sentence i is compared with."""
    return count if count <= PAIRWISE_LIMIT else min(count, i + 1 + WINDOW)


def _similarity_graph(vectors: list[Vector], threshold: float | None = None) -> Graph:
    """Cosine-weighted edges (LexRank); with a threshold, unweighted edges above it."""
    graph: Graph = [{} for _ in vectors]
    norms = [_norm(v) for v in vectors]
    for i in range(len(vectors)):
        for j in range(i + 1, _last_pair(i, len(vectors))):
            dot = _dot(vectors[i], vectors[j]) if vectors[i] and vectors[j] else 0.0
            similarity = dot / (norms[i] * norms[j]) if dot else 0.0
            if threshold is not None:
                similarity = 1.0 if similarity > threshold else 0.0
            if similarity > 0:
                graph[i][j] = graph[j][i] = similarity
    return graph


def _textrank_graph(profile: _Profile) -> Graph:
    """Mihalcea & Tarau's sentence similarity: shared words over log sentence lengths."""
    terms = [set(t) for t in profile.terms]
    lengths = profile.words
    graph: Graph = [{} for _ in terms]
    for i in range(len(terms)):
        for j in range(i + 1, _last_pair(i, len(terms))):
            shared = len(terms[i] & terms[j])
            denominator = math.log(lengths[i] + 1) + math.log(lengths[j] + 1)
            if shared and denominator:
                graph[i][j] = graph[j][i] = shared / denominator
    return graph


def _pagerank(graph: Graph, iterations: int = 100, tolerance: float = 1e-6) -> list[float]:
    count = len(graph)
    if not count:
        return []
    if count > PAIRWISE_LIMIT:
        return _pagerank_arrays(graph, iterations, tolerance)
    out_weight = [sum(edges.values()) for edges in graph]
    # each edge's share of its source's weight, computed once (the graph is symmetric)
    incoming = [[(j, w / out_weight[j]) for j, w in edges.items()] for edges in graph]
    dangling_nodes = [j for j in range(count) if not out_weight[j]]
    base = (1 - DAMPING) / count
    rank = [1.0 / count] * count
    for _ in range(iterations):
        # a sentence with no edges shares its rank evenly, as in PageRank's dangling nodes
        dangling = sum(rank[j] for j in dangling_nodes) / count
        new = [
            base + DAMPING * (dangling + sum(rank[j] * share for j, share in edges))
            for edges in incoming
        ]
        delta = sum(abs(a - b) for a, b in zip(new, rank, strict=True))
        rank = new
        if delta < tolerance:
            break
    return [round(r, 6) for r in rank]


def _pagerank_arrays(graph: Graph, iterations: int, tolerance: float) -> list[float]:
    """`_pagerank` over arrays, for a long article's many edges: the same iteration, each
    step one pass of numpy over the edges instead of a Python loop."""
    import numpy as np

    count = len(graph)
    sources = np.fromiter((j for edges in graph for j in edges), dtype=np.int64)
    targets = np.repeat(np.arange(count), [len(edges) for edges in graph])
    weights = np.fromiter((w for edges in graph for w in edges.values()), dtype=np.float64)
    out_weight = np.bincount(targets, weights=weights, minlength=count)  # symmetric graph
    shares = weights / out_weight[sources] if len(weights) else weights
    dangling_nodes = out_weight == 0
    base = (1 - DAMPING) / count
    rank = np.full(count, 1.0 / count)
    for _ in range(iterations):
        dangling = rank[dangling_nodes].sum() / count
        new = base + DAMPING * (
            dangling + np.bincount(targets, weights=rank[sources] * shares, minlength=count)
        )
        delta = np.abs(new - rank).sum()
        rank = new
        if delta < tolerance:
            break
    return [round(float(r), 6) for r in rank]


def _normalised(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top for v in values] if top else values


def _ranks(scores: list[float]) -> list[int]:
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    ranks = [0] * len(scores)
    for rank, i in enumerate(order, start=1):
        ranks[i] = rank
    return ranks


def _ranked(sentence: SummarySentence, selected: bool) -> RankedSentence:
    return {**sentence, "selected": selected}


def _sentence_record(sentence: Sentence, score: float, rank: int) -> SummarySentence:
    return {
        "index": sentence.index,
        "text": sentence.text,
        "start": sentence.start,
        "end": sentence.end,
        "score": score,
        "rank": rank,
    }
