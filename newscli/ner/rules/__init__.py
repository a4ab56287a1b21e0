"""The rules after tagging: they correct the tagger's mentions, one family a module."""
