"""--format html: a self-contained page per run, every span marked, nothing able to run."""

import io
import json
import re
from html.parser import HTMLParser

import pytest

from newscli.environment import Environment
from newscli.render import html
from newscli.render.layouts import ANALYZE
from newscli.render.writer import Format, Writer
from tests.conftest import SEED
from tests.test_cli import COMMANDS

HOSTILE = (
    "Hostile </style><script>alert(1)</script> headline\n\n"
    'Officials met on Monday. "We will not </title><script>alert(2)</script> stop," '
    'said Mayor Linda "><img src=x onerror=alert(3)> Okafor. '
    "The city of Springfield paid <b onmouseover=alert(4)>money</b> to Acme Corp.\n"
)


class Page(HTMLParser):
    """Every element with its attributes, and the text outside style and title."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._skip = 0
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)

    def tags(self) -> set[str]:
        return {tag for tag, _ in self.elements}

    def attrs(self, name: str) -> list[str]:
        return [a[name] or "" for _, a in self.elements if name in a]

    def visible(self) -> str:
        return "".join(self.text)


def assert_inert(markup: str) -> Page:
    """Nothing on the page can run or fetch: no script or embedding element, no event
    attribute, no link but to an anchor on the page, no URL in the CSS."""
    page = Page(markup)
    assert markup.startswith("<!DOCTYPE html>")
    assert not page.tags() & {"script", "img", "iframe", "object", "embed", "link", "base"}
    assert [t for t, _ in page.elements].count("style") == 1
    assert not [k for _, a in page.elements for k in a if k.startswith("on")]
    assert all(re.fullmatch(r"#[ac]-\d+", href) for href in page.attrs("href"))
    assert page.attrs("src") == [] and "url(" not in markup and "@import" not in markup
    assert "default-src 'none'" in page.attrs("content")[0]
    return page


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_writes_an_inert_page(run, command):
    result = run([command, "-f", "html", SEED])
    assert result.exit_code == 0, result.output
    page = assert_inert(result.stdout)
    assert "All Eyes On Trump" in page.visible()


@pytest.mark.parametrize(
    "args",
    [
        ["readability", "--by", "paragraph"],
        ["quotes", "--by", "speaker"],
        ["entities", "--mentions", "--type", "PERSON"],
        ["summarize", "--all"],
        ["parse", "--tokens"],
        ["dedupe", "--pairs"],
    ],
)
def test_options_that_change_the_table_give_a_page_too(run, args, seeds):
    result = run([*args, "-f", "html", seeds])
    assert result.exit_code == 0, result.output
    assert_inert(result.stdout)


def test_hostile_text_is_shown_as_text_and_runs_nothing(run, tmp_path):
    name = tmp_path / '"><script>alert(5)<\\script>.txt'
    name.write_text(HOSTILE, encoding="utf-8")
    for command in ("analyze", "parse", "quotes", "entities", "summarize"):
        result = run([command, "-f", "html", name])
        assert result.exit_code == 0, result.output
        page = assert_inert(result.stdout)
        text = page.visible()
        assert "<script>alert(1)</script>" in text and "onerror=alert(3)>" in text
        assert str(name) in text


def test_hostile_jsonl_labels_stay_text(run, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    record = {
        "id": '"><script>alert(6)</script>',
        "title": "</style><script>alert(7)</script>",
        "url": "javascript:alert(8)",
        "text": HOSTILE,
    }
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = run(["analyze", "--jsonl", "-f", "html", corpus])
    assert result.exit_code == 0, result.output
    page = assert_inert(result.stdout)
    assert "javascript:alert(8)" in page.visible()
    assert "<script>alert(6)</script>" in page.visible()


def test_attribute_values_from_records_round_trip_and_add_nothing():
    evil = """Ed "><img src=x onerror=alert(1)> O'Neil </style>"""
    text = 'Ed O\'Neil said it. "Yes," he said.\nShare this'
    record = {
        "source": evil,
        "title": evil,
        "text": text,
        "dropped": [{"text": "Share this", "start": 35, "end": 45, "reason": evil}],
        "quotes": [
            {"text": "Yes,", "start": 20, "end": 24, "kind": "direct", "speaker": evil, "cue": evil}
        ],
        "entities": [
            {
                "name": evil,
                "type": "PERSON",
                "role": evil,
                "count": 1,
                "salience": 1.0,
                "mentions": [{"text": "Ed O'Neil", "start": 0, "end": 9, "label": "PERSON"}],
            }
        ],
    }
    page = Page(html.article_section(record, 1))
    assert page.tags() <= {
        "article",
        "h2",
        "p",
        "code",
        "span",
        "div",
        "h3",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
    assert not [k for _, a in page.elements for k in a if k not in ("id", "class", "title")]
    assert set(page.attrs("title")) == {
        f"{evil} · PERSON",
        f"direct quotation: {evil} ({evil})",
        f"dropped: {evil}",
    }
    assert f"— {evil}" in page.visible()


def test_the_article_is_marked_with_its_analyses(run, seed_text):
    markup = run(["analyze", "-f", "html", SEED]).stdout
    # a mention carries its entity's canonical name, a misspelling included
    assert '<span class="e e-PERSON" title="Ali Khamenei · PERSON">Ali Khameni</span>' in markup
    assert 'title="direct quotation: Ali Khamenei (told)"' in markup
    assert '<span class="who">— Ali Khamenei</span>' in markup
    assert markup.count('<mark class="s"') >= 3
    assert '<span class="d" title="dropped: category"><span class="why">category</span>' in markup
    # English: the grade, reading ease and the four English formulas' dials
    assert markup.count('<svg class="gauge"') == 6
    # the marked text, its labels taken out, is the article exactly
    body = re.search(r'<div class="text">(.*?)</div>', markup, re.S).group(1)
    body = re.sub(r'<span class="(?:why|who)">[^<]*</span>', "", body)
    assert Page(body).visible() == seed_text


def test_crossing_spans_are_closed_and_reopened():
    marks = [
        html.Mark(0, 4, html.SENTENCE, "mark", ' class="s"'),
        html.Mark(2, 6, html.QUOTE, "span", ' class="q"', lead="[", tail="]"),
        html.Mark(3, 5, html.MENTION, "span", ' class="e"'),
    ]
    assert html.marked("a<cd&f", marks) == (
        '<mark class="s">a&lt;<span class="q">[c<span class="e">d</span></span></mark>'
        '<span class="q"><span class="e">&amp;</span>f</span>]'
    )


def test_a_corpus_page_has_charts_and_a_table_linking_to_each_article(run, seeds):
    markup = run(["analyze", "-f", "html", seeds]).stdout
    page = assert_inert(markup)
    ids = page.attrs("id")
    articles = [i for i in ids if i.startswith("a-")]
    assert len(articles) == len(list(seeds.glob("*.txt"))) + 1  # and the one web page
    assert sorted(page.attrs("href")) == sorted(f"#{i}" for i in articles)
    text = page.visible()
    assert "Most quoted: quotations per speaker" in text
    assert "Most salient entities" in text and "articles by consensus grade" in markup
    # drawn last, shown first
    assert markup.index('<section id="overview">') > markup.index('<article id="a-5">')
    assert "#overview{order:-1}" in markup


def test_dedupe_shows_clusters_with_their_members(run, seeds):
    markup = run(["dedupe", "-f", "html", seeds]).stdout
    assert "1 duplicates in 1 clusters" in assert_inert(markup).visible()
    cluster = re.search(r'<article id="c-1">.*?</article>', markup)
    assert "iran-missiles-live-updates.txt" in cluster.group(0)
    assert "iran-missiles-live-updates.html" in cluster.group(0)


def test_an_article_shows_its_language_and_what_was_left_out_for_it(run, tmp_path):
    french = tmp_path / "fr.txt"
    french.write_text(
        "Le conseil municipal a voté jeudi soir un budget qui ajoute quarante bus. « Nous "
        "avons attendu trop longtemps », a déclaré la maire Sophie Martin. Les travaux "
        "commenceront en septembre, selon la mairie.\n",
        encoding="utf-8",
    )
    markup = run(["analyze", "-f", "html", french, SEED]).stdout
    page = assert_inert(markup)
    assert re.search(r'<span class="badge" title="language, confidence [0-9.]+">fr</span>', markup)
    assert '<span class="badge" title="language, confidence' in markup.split('id="a-2"')[1]
    text = page.visible()
    # entities, quotes and summaries read French: the mayor is named, nothing is left out
    assert "Sophie Martin" in text and "article is fr" not in text
    assert "Languages: articles" in text and "consensus grade of 1 article" in text
    given = run(["quotes", "-f", "html", "--lang", "en", SEED]).stdout
    assert '<span class="badge" title="language, given by --lang">en</span>' in given


def test_an_article_in_another_language_shows_its_own_formulas(run, tmp_path):
    german = tmp_path / "de.txt"
    german.write_text(
        "Der Stadtrat hat am Montag über den neuen Haushalt beraten. Die Mehrheit der "
        "Abgeordneten stimmte am 3. Oktober für höhere Ausgaben in den Schulen.\n",
        encoding="utf-8",
    )
    for args in (["analyze"], ["readability"], ["readability", "--by", "paragraph"]):
        markup = run([*args, "-f", "html", german, SEED]).stdout  # German identified
        page = assert_inert(markup)
        if "--by" in args:
            continue
        dials = re.findall(r'<svg class="gauge"[^>]*aria-label="([^:"]+):', markup)
        assert dials[:3] == ["reading ease", "Wiener Sachtextformel", "LIX"], dials
        assert "grade" not in dials[:3] and "consensus grade of 1 article" in page.visible()


def test_html_with_output_dir_is_a_usage_error(run, tmp_path):
    result = run(["analyze", "-f", "html", "--output-dir", tmp_path, SEED])
    assert result.exit_code == 2
    assert "an HTML page goes to standard output" in result.stderr


class Env(Environment):
    def __init__(self, out: io.StringIO):
        super().__init__(stdout_isatty=False)
        self._out = out

    @property
    def stdout(self):
        return self._out


def test_each_article_is_written_as_it_comes(run):
    record = json.loads(run(["analyze", "--with-text", SEED]).stdout)
    out = io.StringIO()
    writer = Writer(Format.html, ANALYZE, Env(out), many=True)
    writer.write(record)
    assert '<article id="a-1">' in out.getvalue() and "</html>" not in out.getvalue()
    writer.write({**record, "source": "second"})
    assert '<article id="a-2">' in out.getvalue()
    writer.close()
    assert out.getvalue().endswith("</html>\n")
    assert Page(out.getvalue()).attrs("href") == ["#a-1", "#a-2"]


def test_the_overview_keeps_the_heaviest_names_in_bounded_memory():
    tally = html.Tally(limit=4)
    for name, weight in [("a", 9), ("b", 1), ("c", 2), ("d", 8), ("e", 1), ("a", 1)]:
        tally.add(name, weight)
    assert tally.pruned and len(tally.weights) <= 4
    assert tally.top(2) == [("a", 10), ("d", 8)]


def test_the_overview_table_spills_to_disk(monkeypatch, run):
    monkeypatch.setattr(html, "ROWS_IN_MEMORY", 100)
    record = json.loads(run(["analyze", "--with-text", SEED]).stdout)
    overview = html.Overview()
    for number in range(1, 4):
        overview.add(record, number)
    assert overview.rows._rolled  # a real file now, not a buffer
    out = io.StringIO()
    overview.write(out)
    assert out.getvalue().count('<a href="#a-') == 3


def test_golden_page_for_the_seed(run, monkeypatch):
    from tests.golden import ROOT, html_golden_path, render_html

    monkeypatch.chdir(ROOT)
    assert render_html(SEED) == html_golden_path(SEED).read_text(encoding="utf-8"), (
        "run `make golden` and review the diff"
    )


def test_a_run_without_articles_still_gives_a_whole_page(run, tmp_path):
    result = run(["quotes", "-f", "html", tmp_path / "missing.txt"])
    assert result.exit_code == 1
    assert "No articles." in assert_inert(result.stdout).visible()


#: one person named three ways: in full, by surname, by a role that resolves to her
OSEI = (
    "Budget passes first vote\n\n"
    "Deputy Finance Minister Clara Osei presented the budget to parliament on Monday.\n\n"
    "“This budget protects families,” said Clara Osei, speaking after the vote.\n\n"
    "Opposition leader Tomas Berg called it “a tax on the poor.”\n\n"
    "“It is a fair plan,” Osei said.\n\n"
    "“We will not raise taxes this year,” the minister said.\n"
)
#: another article that names her by surname alone
OSEI_AGAIN = "Budget, day two\n\nThe vote was close.\n\n“We won the argument,” Osei said.\n"


def bars(markup: str, heading: str) -> list[tuple[str, str]]:
    """The (label, value) pairs of the chart after `heading`."""
    chart = re.search(rf"<h3>{heading}[^<]*</h3>\n(<svg.*?</svg>)", markup, re.S).group(1)
    return re.findall(r'text-anchor="end">([^<]*)</text>.*?<text [^>]*>([^<]*)</text>', chart)


def quoted(markup: str) -> list[tuple[str, str]]:
    """The (speaker, quotes) rows of each article's "Quoted" table."""
    return re.findall(
        r"<tr><td>([^<]*)</td><td class=\"n\">(\d+)</td></tr>",
        "".join(re.findall(r"<h3>Quoted</h3>(.*?)</table>", markup, re.S)),
    )


def test_a_person_is_counted_once_whatever_they_were_called(run, tmp_path):
    (tmp_path / "a.txt").write_text(OSEI, encoding="utf-8")
    markup = run(["analyze", "-f", "html", str(tmp_path / "a.txt")]).stdout
    assert quoted(markup) == [("Clara Osei", "3"), ("Tomas Berg", "1")]
    # and across articles: "Osei" alone in another article is the one Osei of the report
    (tmp_path / "b.txt").write_text(OSEI_AGAIN, encoding="utf-8")
    markup = run(["analyze", "-f", "html", str(tmp_path)]).stdout
    assert bars(markup, "Most quoted") == [("Clara Osei", "4"), ("Tomas Berg", "1")]


def test_the_seed_counts_khamenei_once(run):
    markup = run(["analyze", "-f", "html", SEED]).stdout
    rows = dict(quoted(markup))
    assert rows["Ali Khamenei"] == "4"
    assert not any("leader" in speaker for speaker in rows)


def test_a_surname_two_speakers_share_stays_apart():
    tally = html.Tally()
    for name, weight in [("Donald Trump", 3), ("Melania Trump", 1), ("Trump", 2), ("Ann Lee", 1)]:
        tally.add(name, weight)
    tally.add("Lee", 1)
    assert tally.people().weights == {
        "Donald Trump": 3,
        "Melania Trump": 1,
        "Trump": 2,
        "Ann Lee": 2,
    }
