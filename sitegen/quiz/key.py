"""The paper key's steps as the web form and the PDF lay them out.

`quiz.scoring_key()` writes its steps as sentences, a checklist's ordered rules among them as
"1. If … → …". Printed as one list, each rule would carry two numbers ("7. 1. If …"); nested
under the step that introduces them, they keep only their own.
"""

from __future__ import annotations

import re
from typing import Any

RULE = re.compile(r"^\d+\.\s")  # "1. If … → …": a numbered rule inside a step of the key


def grouped_steps(steps: list[str]) -> list[dict[str, Any]]:
    """[{"text": step, "rules": [numbered rules that follow it]}, …] in the key's order."""
    grouped: list[dict[str, Any]] = []
    for step in steps:
        if RULE.match(step) and grouped:
            grouped[-1]["rules"].append(step)
        else:
            grouped.append({"text": step, "rules": []})
    return grouped
