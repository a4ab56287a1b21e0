"""The tune/check split of the sets we tune on: fixed by document id, about even."""

import zlib

from eval import halves


def test_a_document_keeps_its_half_by_its_crc32():
    # pinned values: the split must not move between runs, machines or Python versions
    assert zlib.crc32(b"conll2003-dev-1") % 2 == 0
    assert halves.half("conll2003-dev-1") == halves.TUNE
    assert zlib.crc32(b"conll2003-dev-4") % 2 == 1
    assert halves.half("conll2003-dev-4") == halves.CHECK


def test_the_halves_are_about_even():
    ids = [f"conll2003-dev-{n}" for n in range(1, 1001)]
    tune = sum(halves.half(i) == halves.TUNE for i in ids)
    assert 400 < tune < 600
