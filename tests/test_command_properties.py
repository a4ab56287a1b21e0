"""Properties of every per-document command on any text: no exception, and every offset in
its record slices back to the text the record gives for it.

This is also the fuzz target: CI runs a bounded number of examples; `make fuzz` runs the
same properties for longer (NEWSCLI_FUZZ_EXAMPLES, default 20,000 there).
"""

import os
from collections.abc import Iterator
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscli.commands import COMMANDS
from newscli.document import parse
from newscli.duplicates.sketch import sketch
from newscli.inputs import Article

EXAMPLES = int(os.environ.get("NEWSCLI_FUZZ_EXAMPLES", "150"))
#: every per-document command with its default options
ANALYSES = {name: c.analysis() for name, c in COMMANDS.items() if c.record is not None}

# Pieces of news and of the web pages it comes from, and of text that is neither.
FRAGMENTS = st.sampled_from(
    [
        "Iran’s Foreign Minister Mohammad Javad Zarif",
        " said ",
        " told reporters",
        "“",
        "”",
        '"',
        "'",
        "‘",
        "’",
        "«",
        "»",
        "U.S.",
        " Gen. ",
        "Tehran",
        ", ",
        ". ",
        "? ",
        "…",
        "\n",
        "\n\n",
        "\r\n",
        "Leave a Reply",
        "Share this:",
        "By Jane Doe",
        "WASHINGTON (Reuters) - ",
        "Photo: AP",
        "(PMU)",
        "he",
        "According to ",
        "   ",
        "\t",
        "ALL CAPS HEADLINE",
        "3.5",
        "Jan. 8",
        "e.g.",
        "👍",
        "\u200b",
        "\u00a0",
    ]
)
TEXTS = st.lists(FRAGMENTS | st.text(max_size=12), max_size=60).map("".join)


def spans(value: Any) -> Iterator[tuple[int, int, str]]:
    """Every (start, end, text) a record gives, at any depth."""
    if isinstance(value, dict):
        for start, end, text in (
            ("start", "end", "text"),
            ("speaker_start", "speaker_end", "speaker_mention"),
        ):
            if isinstance(value.get(start), int) and isinstance(value.get(text), str):
                yield value[start], value[end], value[text]
        for item in value.values():
            yield from spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from spans(item)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(TEXTS)
def test_every_command_takes_any_text_and_its_offsets_slice_back(text):
    article = Article("fuzz.txt", text)
    document = parse(text)
    for name, analysis in ANALYSES.items():
        record = analysis(article, document)
        for start, end, piece in spans(record):
            assert 0 <= start <= end <= len(text)
            assert text[start:end] == piece, (name, start, end)
    sketch(parse(text))
