"""A crowd is no speaker: words a crowd chants or roars (`a large crowd in Tehran chanting
the familiar “death to America” refrain`) are a slogan, no one's quotation. The quotation
stays, of the kind it is, with no speaker; `speaker_mention` keeps the crowd the sentence
names."""

from newscli.analysis.quotes.find import Quote
from newscli.lexicon import CROWD_NOUNS


def without_crowd_speakers(quotes: list[Quote]) -> None:
    """Leave the quotations whose speaker is a crowd without a speaker or role."""
    for quote in quotes:
        mention = quote.speaker_mention
        if mention and mention.split()[-1].lower() in CROWD_NOUNS:
            quote.speaker = quote.role = None
            quote.rules.append("crowd_not_speaker")
