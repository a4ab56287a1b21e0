"""newscli: a command-line toolkit for news text."""

__version__ = "0.1.0"
