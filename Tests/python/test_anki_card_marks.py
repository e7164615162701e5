"""Cards set aside in Anki stay so in Recall, and back: `recall import X.apkg --with-history`
writes Anki's suspended and buried cards as card marks, and `recall export --format apkg
--with-history` writes Recall's marks as Anki's queues, checked in Anki's own backend (PyPI
`anki`). The package builder suspends a new card and a review card and buries a learning card,
all of standard note types (anki_packages.set_aside).
"""

import json
import re
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from anki_packages import build_collection, export
from test_anki_package import card_question, import_package, recall_questions
from test_anki_package_export import import_package as anki_import
from test_anki_import import recall

SUSPENDED, BURIED = -1, (-2, -3)


@pytest.fixture
def collection(tmp_path):
    col = build_collection(tmp_path / "source.anki2")
    yield col
    col.close()


def anki_prompts(col, queues) -> set[str]:
    """The prompts of the standard-type cards whose Anki queue is one of `queues`."""
    prompts = set()
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        question = card_question(card)
        if question and card.queue in queues:
            prompts.add(question[0])
    return prompts


def progress_marks(tmp_path: Path) -> dict:
    snapshot = json.loads((tmp_path / "progress" / "kosovo.json").read_text(encoding="utf-8"))
    return snapshot["marks"]


def utc(text: str) -> float:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc).timestamp()


@pytest.mark.parametrize("legacy", [False, True], ids=["current", "legacy"])
def test_suspended_and_buried_cards_arrive_as_marks(tmp_path, collection, legacy):
    suspended = anki_prompts(collection, (SUSPENDED,))
    buried = anki_prompts(collection, BURIED)
    assert len(suspended) == 2 and len(buried) == 1, "the builder sets three cards aside"
    package = export(collection, tmp_path / "kosovo.apkg", legacy)
    started = time.time()
    deck, stderr = import_package(tmp_path, package, "--with-history")
    assert "2 suspended, 1 buried" in stderr

    prompts = {row["id"]: row["prompt"] for row in recall_questions(tmp_path, deck)}
    marks = progress_marks(tmp_path)
    assert {prompts[i] for i, m in marks.items() if m["suspended"]} == suspended
    assert {prompts[i] for i, m in marks.items() if m["buriedUntil"]} == buried
    assert all(m["flaggedAt"] is None for m in marks.values())
    # The bury lasts to the end of today's study day (Anki unburies at its next rollover).
    (until,) = [utc(m["buriedUntil"]) for m in marks.values() if m["buriedUntil"]]
    assert started < until <= started + 86_400 + 3_600
    # Anki's new suspended card stays new in Recall: a mark, no state.
    states = json.loads((tmp_path / "progress" / "kosovo.json").read_text())["cards"]
    new = [i for i, m in marks.items() if m["suspended"] and i not in states]
    assert len(new) == 1

    # The next session leaves them out and says so.
    session = recall("study", str(deck), "--progress-dir", str(tmp_path / "progress"),
                     "--new", "50", input="x\n\n" * 40)
    assert session.returncode == 0, session.stderr
    assert "2 suspended · 1 buried" in session.stdout
    shown = set(re.findall(r"^\d+\. \w+ · \w+\n(.*)$", session.stdout, re.MULTILINE))
    assert shown, session.stdout
    assert not shown & (suspended | buried)


def test_marks_go_back_into_anki(tmp_path, collection):
    """Anki → Recall → Anki: the same cards are suspended and buried in the fresh collection."""
    suspended = anki_prompts(collection, (SUSPENDED,))
    buried = anki_prompts(collection, BURIED)
    package = export(collection, tmp_path / "kosovo.apkg", legacy=False)
    deck, _ = import_package(tmp_path, package, "--with-history")
    back = tmp_path / "back.apkg"
    result = recall("export", str(deck), "--format", "apkg", "--with-history",
                    "--progress-dir", str(tmp_path / "progress"), "-o", str(back))
    assert result.returncode == 0, result.stderr

    from anki.collection import Collection
    fresh = Collection(str(tmp_path / "fresh.anki2"))
    try:
        anki_import(fresh, back)
        prompts = {row["id"]: row["prompt"] for row in recall_questions(tmp_path, deck)}
        queues = {}
        for card_id in fresh.find_cards(""):
            card = fresh.get_card(card_id)
            queues[prompts[card.note().guid]] = card.queue
        assert {p for p, q in queues.items() if q == SUSPENDED} == suspended
        assert {p for p, q in queues.items() if q in BURIED} == buried
        # Anki's own searches agree, and the rest are in their ordinary queues.
        assert len(fresh.find_cards("is:suspended")) == len(suspended)
        assert len(fresh.find_cards("is:buried")) == len(buried)
        assert all(q >= 0 for p, q in queues.items() if p not in suspended | buried)
    finally:
        fresh.close()
