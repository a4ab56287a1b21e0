"""Exact and near-duplicate news articles: sketches, clusters and an on-disk index.

`sketch` turns a parsed document into what dedupe keeps of it (hashes, never text);
`cluster` finds exact and near-duplicate clusters among sketches; `index` keeps sketches
in SQLite between runs; `pipeline` parses and sketches inputs, in worker processes if
asked; `run` puts them together for `newscli dedupe`. Only this module is imported when
the command line starts, so it holds the defaults and nothing heavy.
"""

#: default --threshold: how much of the shorter body must be in the longer (containment)
THRESHOLD = 0.7
#: default --shingle: words per shingle
SHINGLE = 4
