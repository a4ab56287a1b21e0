"""newscli: a command-line toolkit for news text, and its Python API.

    import newscli
    newscli.quotes(text)["quotes"]

There is a function for each command (`newscli.commands`), of the same name. They are
imported on first use (`newscli.api`), so `import newscli` -- and the command line's
start-up -- stays cheap.
"""

from typing import Any

__version__ = "0.1.0"

from newscli.commands import COMMANDS  # noqa: E402 - it imports __version__'s package

__all__ = ["__version__", *COMMANDS]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from newscli import api

        return getattr(api, name)
    raise AttributeError(f"module 'newscli' has no attribute {name!r}")
