"""The core's name logic, on mentions built directly."""

from newscli.names import Mention, NameIndex, with_missed_surnames


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
