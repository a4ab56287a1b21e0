"""newscli: a command-line toolkit for news text, and its Python API.

    import newscli
    newscli.quotes(text)["quotes"]

The API's functions (`newscli.api`) are imported on first use, so `import newscli` -- and
the command line's start-up -- stays cheap.
"""

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "parse",
    "readability",
    "summarize",
    "quotes",
    "entities",
    "analyze",
    "dedupe",
]

if TYPE_CHECKING:
    from newscli.api import analyze, dedupe, entities, parse, quotes, readability, summarize


def __getattr__(name: str) -> Any:
    if name in __all__:
        from newscli import api

        return getattr(api, name)
    raise AttributeError(f"module 'newscli' has no attribute {name!r}")
