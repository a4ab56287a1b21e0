"""Any text parses, and every offset slices back to its own text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscli.document import parse

# Text built from the pieces news parsing cares about, plus arbitrary unicode.
NEWSY = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "U.S.",
                "Gen.",
                "Mr.",
                "a.m.",
                "J.",
                "Jan.",
                "No.",
                "...",
                "…",
                "—",
                "-",
                ". ",
                "? ",
                "! ",
                "“",
                "”",
                '"',
                "'",
                "’",
                "\n",
                "\n\n",
                "\r\n",
                " ",
                "\t",
                "(",
                ")",
                "said",
                "The",
                "year.The",
                "Leave a Reply",
                "Advertisement",
                "Related: x",
                "By Ann Lee",
                "WASHINGTON (Reuters) - ",
                "© 2026",
                "Share",
                "1,000.5",
                "\ufeff",
            ]
        ),
        st.text(min_size=1, max_size=12),
    ),
    max_size=60,
).map("".join)
TEXTS = st.one_of(NEWSY, st.text(max_size=300))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXTS)
def test_every_span_slices_back_to_its_text(text):
    document = parse(text)
    spans = [*document.dropped, *document.paragraphs, *document.sentences, *document.tokens]
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
    if document.title is not None and document.title.start is not None:
        assert text[document.title.start : document.title.end] == document.title.text


@SETTINGS
@given(TEXTS)
def test_sentences_sit_inside_their_paragraphs_in_order(text):
    document = parse(text)
    previous_end = -1
    for sentence in document.sentences:
        paragraph = document.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
        assert sentence.start >= previous_end
        assert sentence.text == sentence.text.strip()
        previous_end = sentence.end
    for token in document.tokens:
        sentence = document.sentences[token.sentence]
        assert sentence.start <= token.start < token.end <= sentence.end


@SETTINGS
@given(TEXTS)
def test_body_and_dropped_spans_never_overlap(text):
    document = parse(text)
    spans = sorted((s.start, s.end) for s in [*document.dropped, *document.paragraphs])
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end <= start


@SETTINGS
@given(TEXTS)
def test_no_body_text_is_lost(text):
    """Every non-space character is in the title, a dropped span or a sentence."""
    document = parse(text)
    covered = [False] * len(text)
    spans = [*document.dropped, *document.sentences]
    if document.title is not None and document.title.start is not None:
        spans.append(document.title)
    for span in spans:
        for i in range(span.start, span.end):
            covered[i] = True
    assert all(covered[i] or text[i].isspace() for i in range(len(text)))
