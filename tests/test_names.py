"""The core's name logic, on mentions built directly."""

from hypothesis import given, settings
from hypothesis import strategies as st

from newscli.names import Mention, NameIndex, similar_names, with_missed_surnames


def person(text, start, role=None):
    return Mention(start, start + len(text), text, text, role, False)


def test_missed_surnames_are_found_outside_the_tagged_mentions():
    text = "Carly Fiorina ran HP. By 2001, Fiorina was unsure; Fiorina's board agreed. Will it?"
    tagged = [person("Carly Fiorina", 0), person("Will", 75)]
    found = with_missed_surnames(text, tagged)
    assert [(m.start, m.text) for m in found] == [
        (0, "Carly Fiorina"),
        (31, "Fiorina"),
        (51, "Fiorina"),
        (75, "Will"),
    ]
    assert with_missed_surnames("Fiorina spoke.", []) == []


def test_a_title_or_first_name_keeps_people_of_one_surname_apart():
    index = NameIndex(
        [
            person("Jackson", 0, role="Mr"),
            person("Katherine Jackson", 50),
            person("Scott Richter", 100),
            person("Richter", 150, role="Mr"),
            person("Steven Richter", 200),
            person("Venus Williams", 250),
            person("Williams", 300),
        ]
    )
    assert index.canonical("Katherine Jackson") == "Katherine Jackson"
    assert index.canonical("Jackson") == "Jackson"
    assert index.canonical("Richter") == "Scott Richter"
    assert index.canonical("Steven Richter") == "Steven Richter"
    assert index.canonical("Williams") == "Venus Williams"


surnames = st.text(alphabet="abcdeklmnor", min_size=5, max_size=8).map(str.capitalize)


@st.composite
def slipped(draw, names):
    """One of `names` with one letter dropped, added or changed (or a name of its own)."""
    name = draw(st.sampled_from(names))
    at = draw(st.integers(1, len(name) - 1))
    letter = draw(st.sampled_from("abcdeklmnor"))
    return draw(
        st.sampled_from(
            [
                name[:at] + name[at + 1 :],
                name[:at] + letter + name[at:],
                name[:at] + letter + name[at + 1 :],
            ]
        )
        | surnames
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(surnames, min_size=1, max_size=30).flatmap(lambda k: st.tuples(st.just(k), slipped(k)))
)
def test_a_slip_finds_the_first_surname_one_edit_away(known_and_asked):
    """The deletion index finds the same person a comparison with every surname would: the
    first one named that `similar_names` accepts."""
    known, asked = known_and_asked
    index = NameIndex([person(f"Jo {name}", 20 * i) for i, name in enumerate(known)])
    if asked.lower() in {name.lower() for name in known}:
        return  # an exact surname is no slip
    first = next((f"Jo {n}" for n in known if similar_names(asked, n)), None)
    assert index.canonical(asked) == (index.canonical(first) if first else None)
