#!/usr/bin/env python3
"""Writes the blind-review packet for the teacher-agreement measurement of Recall's grader.

    python3 scripts/grading-packet.py Documentation/reviews/2026-12-01-grading [--recall PATH]

Reads FOLDER/answers.tsv (id, deck, card, answer: typed student answers, no verdicts) and
writes FOLDER/packet.md: for each card its question, the answer key and explanation as
`recall preview --format json` gives them, then the answers to judge. The packet never shows
what Recall's grader says; scripts/grading-agreement.py compares a reviewer's verdicts with it.
"""

import argparse
import csv
import json
import subprocess
from collections import OrderedDict
from pathlib import Path

INSTRUCTIONS = """\
# Grading review packet

You are a history teacher marking typed answers to short test questions. For every numbered
answer below, decide what credit you would give, as you would on a written test: **right**
(full credit: the answer, another correct form of it, or a spelling slip you would forgive),
**partial** (on the right track but not enough for full credit, such as a coarser date than
asked or only part of a name where the full one is needed) or **wrong** (no credit). Judge
from the question, the answer key and the explanation; the key lists the forms the deck's
author wrote, and you may accept other forms a teacher would.

Write your verdicts to `verdicts.tsv` in this folder, one line per answer, tab-separated,
with the header line `id<TAB>verdict<TAB>note`: the answer's number, `right`, `partial` or
`wrong`, and an optional short note (why, when it is not obvious). Every id once.
"""


def preview(recall: str, deck: str) -> dict:
    output = subprocess.run(
        [recall, "preview", deck, "--format", "json"], check=True, capture_output=True, text=True
    ).stdout
    data = json.loads(output)
    return data, {question["id"]: question for question in data["questions"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--recall", default=".build/debug/recall")
    arguments = parser.parse_args()
    folder = Path(arguments.folder)
    with open(folder / "answers.tsv", newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))
    cards: "OrderedDict[tuple, list]" = OrderedDict()
    for row in rows:
        cards.setdefault((row["deck"], row["card"]), []).append(row)
    questions = {}
    lines = [INSTRUCTIONS]
    current_deck = None
    for (deck, card), answers in cards.items():
        if deck not in questions:
            questions[deck] = preview(arguments.recall, deck)
        data, by_id = questions[deck]
        if deck != current_deck:
            current_deck = deck
            lines.append(f"\n## Deck: {data['deck']}\n")
        question = by_id.get(card)
        if question is None:
            raise SystemExit(f"{deck}: no card {card!r}")
        lines.append(f"### {question['prompt']}\n")
        lines.append("- answer key: " + " / ".join(question["answers"]))
        lines.append(f"- explanation: {question['explanation']}\n")
        for row in answers:
            lines.append(f"{row['id']}. `{row['answer']}`")
        lines.append("")
    (folder / "packet.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(rows)} answers to {len(cards)} cards → {folder / 'packet.md'}")


if __name__ == "__main__":
    main()
