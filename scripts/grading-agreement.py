#!/usr/bin/env python3
"""How often Recall's grader agrees with a teacher on typed answers.

    python3 scripts/grading-agreement.py Documentation/reviews/2026-12-01-grading \
        [--verdicts FILE] [--recall PATH]

Reads FOLDER/answers.tsv (id, deck, card, answer) and a teacher's verdicts (FOLDER/verdicts.tsv
unless --verdicts: id, verdict, note; verdict right, partial or wrong), grades every answer with
`recall grade DECK CARD ANSWER… --format json` (one run per card) and prints two figures:

- agreement: the teacher's verdict equals the grader's, with correct and typo counted as
  right and invalid (not read as an answer, so not credited) as wrong;
- credit agreement: both give full credit, or both do not (what changes the schedule).

Then every disagreement: id, card, answer, the teacher's and the grader's verdicts and the
grader's note. Answers to cards the deck no longer makes (a question rule dropped them) are
counted apart and left out of both figures, with the cards named. Exits 1 when a verdict is
missing or unknown.
"""

import argparse
import csv
import json
import subprocess
import sys
from collections import OrderedDict
from pathlib import Path

GRADER_TO_TEACHER = {
    "correct": "right",
    "typo": "right",
    "partial": "partial",
    "wrong": "wrong",
    "invalid": "wrong",
}


def read_tsv(path: Path) -> list:
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))


def grade(recall: str, deck: str, card: str, answers: list):
    """The grader's reports, or None when the deck no longer has the card."""
    run = subprocess.run(
        [recall, "grade", deck, card, *answers, "--format", "json"],
        capture_output=True,
        text=True,
    )
    if run.returncode == 64 and f"has no card '{card}'" in run.stderr:
        return None
    if run.returncode not in (0, 1):
        raise SystemExit(f"recall grade {deck} {card}: status {run.returncode}: {run.stderr}")
    reports = [json.loads(line) for line in run.stdout.splitlines()]
    if len(reports) != len(answers):
        raise SystemExit(f"recall grade {deck} {card}: {len(reports)} lines for {len(answers)}")
    return reports


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--verdicts")
    parser.add_argument("--recall", default=".build/debug/recall")
    arguments = parser.parse_args()
    folder = Path(arguments.folder)
    answers = read_tsv(folder / "answers.tsv")
    verdicts_path = Path(arguments.verdicts) if arguments.verdicts else folder / "verdicts.tsv"
    teacher = {}
    for row in read_tsv(verdicts_path):
        verdict = (row.get("verdict") or "").strip().lower()
        if verdict not in ("right", "partial", "wrong"):
            sys.exit(f"{verdicts_path}: answer {row.get('id')}: unknown verdict {verdict!r}")
        teacher[row["id"].strip()] = verdict
    missing = [row["id"] for row in answers if row["id"] not in teacher]
    if missing:
        sys.exit(f"{verdicts_path}: no verdict for answers {', '.join(missing[:20])}")

    cards: "OrderedDict[tuple, list]" = OrderedDict()
    for row in answers:
        cards.setdefault((row["deck"], row["card"]), []).append(row)
    same = same_credit = 0
    disagreements = []
    gone = []
    for (deck, card), rows in cards.items():
        reports = grade(arguments.recall, deck, card, [row["answer"] for row in rows])
        if reports is None:
            gone.append((card, len(rows)))
            continue
        for row, report in zip(rows, reports):
            graded = GRADER_TO_TEACHER[report["verdict"]]
            wanted = teacher[row["id"]]
            same += graded == wanted
            same_credit += (graded == "right") == (wanted == "right")
            if graded != wanted:
                disagreements.append((row, wanted, report))
    total = len(answers) - sum(count for _, count in gone)
    if gone:
        named = ", ".join(f"{card} ({count})" for card, count in gone)
        print(f"left out: {sum(count for _, count in gone)} answers to cards no longer made: {named}")
    print(f"agreement: {same}/{total} = {100 * same / total:.1f} %")
    print(f"credit agreement: {same_credit}/{total} = {100 * same_credit / total:.1f} %")
    for row, wanted, report in disagreements:
        note = f" ({report['note']})" if report.get("note") else ""
        print(
            f"{row['id']}\t{row['card']}\t{row['answer']!r}\tteacher {wanted}\t"
            f"grader {report['verdict']} → {report['expected']}{note}"
        )


if __name__ == "__main__":
    main()
