"""The headline figures of `make eval`, recorded for `eval.gate` to hold against their floors.

Each eval script calls `record(figure_id, value)` with numbers it also prints. They are
merged into the JSON file ({figure id: value}, in the order recorded) that the environment
variable NEWSCLI_EVAL_RESULTS names; with it unset, recording does nothing, so every script
still runs alone.

Figure ids are stable dotted names, `<eval>.<set>.<measure>`, e.g. `sentences.gum_news.f1`
or `ner.conll_dev.f1.ORG`; a peer's figure names the peer before the measure
(`summarize.cnndm.lead3.rouge2`). Values are on the scale the script prints (ROUGE x 100,
readability in percent, the rest as fractions).
"""

import json
import os
from pathlib import Path

RESULTS_VARIABLE = "NEWSCLI_EVAL_RESULTS"


def record(figure_id: str, value: float) -> None:
    """Add figure_id = value to the results file, replacing an earlier value of that id."""
    if not recording():
        return
    path = Path(os.environ[RESULTS_VARIABLE])
    results = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    results[figure_id] = float(value)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


def recording() -> bool:
    """Whether record() writes anywhere: lets a script skip work done only for the figures."""
    return bool(os.environ.get(RESULTS_VARIABLE))
