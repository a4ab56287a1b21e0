import pytest

from newscli.quotemarks import mark_at, open_after


@pytest.mark.parametrize(
    "text, index, expected",
    [
        ("“Go”", 0, ("open", 1)),
        ("“Go”", 3, ("close", 1)),
        ('He said "go" now', 8, ("open", 1)),
        ('He said "go" now', 11, ("close", 1)),
        ('"Go."', 0, ("open", 1)),
        ("`` go ''", 0, ("open", 2)),
        ("`` go ''", 6, ("close", 2)),
        ('a " b', 2, None),
        ("\"name of 'Clinton,' \" said", 20, ("close", 1)),
        ("He said, \" 'Oh,' no.\"", 9, ("open", 1)),
        ("it's", 2, None),
    ],
)
def test_mark_direction(text, index, expected):
    assert mark_at(text, index) == expected


def test_open_after_follows_the_marks():
    text = 'She said: "We act.'
    assert open_after(text, 0, len(text), False) is True
    assert open_after('"No." Then', 0, 10, True) is False
