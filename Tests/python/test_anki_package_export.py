"""`recall export DECK --format apkg`, checked by importing the package into a fresh collection
in Anki's own backend (PyPI `anki`): every question arrives once as a note of its kind's note
type with the question id as GUID, a newer export updates instead of duplicating, and a
1,000-note history deck goes Anki → Recall → Anki with no note lost or doubled and the same
due dates and reviews.
"""

import csv
import sqlite3
import random
import time
from pathlib import Path

import pytest
from anki.collection import (AddNoteRequest, Collection, ImportAnkiPackageOptions,
                             ImportAnkiPackageRequest)
from anki_packages import export
from test_anki_import import DECK, recall


def import_package(col: Collection, path: Path):
    request = ImportAnkiPackageRequest(
        package_path=str(path),
        options=ImportAnkiPackageOptions(with_scheduling=True, merge_notetypes=True))
    return col.import_anki_package(request).log


@pytest.fixture
def fresh(tmp_path):
    col = Collection(str(tmp_path / "fresh.anki2"))
    yield col
    col.close()


def questions(tmp_path: Path, deck: Path) -> list[dict]:
    out = tmp_path / "questions.csv"
    result = recall("export", str(deck), "--format", "csv", "-o", str(out), "--force")
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_question_arrives_once_as_a_note_of_its_kind(tmp_path, fresh):
    package = tmp_path / "bajgora.apkg"
    result = recall("export", str(DECK), "--format", "apkg", "-o", str(package))
    assert result.returncode == 0, result.stderr
    log = import_package(fresh, package)
    expected = questions(tmp_path, DECK)
    assert len(log.new) == len(expected)
    notes = {fresh.get_note(nid).guid: fresh.get_note(nid) for nid in fresh.find_notes("")}
    assert set(notes) == {row["id"] for row in expected}
    for row in expected:
        note = notes[row["id"]]
        assert note.note_type()["name"] == f"Recall {row['type']}"
        assert list(note.keys()) == ["Prompt", "Answer", "Explanation", "Source"]
        assert note["Prompt"].startswith(row["prompt"].replace("&", "&amp;").split("\n")[0][:20])
        assert fresh.decks.name(note.cards()[0].did) == "The Bajgora offensive (Kosovo War, 1998–1999)"


def test_a_newer_export_updates_the_notes(tmp_path, fresh):
    first = tmp_path / "first.apkg"
    assert recall("export", str(DECK), "--format", "apkg", "-o", str(first)).returncode == 0
    count = len(import_package(fresh, first).new)
    time.sleep(1.1)  # Anki updates a note when the incoming one is newer, to the second.
    second = tmp_path / "second.apkg"
    assert recall("export", str(DECK), "--format", "apkg", "-o", str(second)).returncode == 0
    log = import_package(fresh, second)
    assert not log.new
    assert len(log.updated) == count
    assert len(fresh.find_notes("")) == count


def history_collection(path: Path, notes: int, seed: int = 7) -> Collection:
    """`notes` Basic notes, nine in ten studied: each with a few reviews over the last year
    and a due date from yesterday to two months ahead, as Anki would have left them."""
    rng = random.Random(seed)
    col = Collection(str(path))
    deck_id = col.decks.id("History::Twentieth century")
    basic = col.models.by_name("Basic")
    requests = []
    for index in range(notes):
        note = col.new_note(basic)
        note["Front"] = f"Event {index}: in which year did treaty <i>{index}</i> take effect?"
        note["Back"] = str(1900 + index % 100)
        note.tags = [f"decade-{index % 10}"]
        requests.append(AddNoteRequest(note=note, deck_id=deck_id))
    col.add_notes(requests)
    today = col.sched.today
    card_ids = col.db.list("select id from cards order by id")
    now_ms = int(time.time() * 1000)
    col.close()
    updates, rows, stamp = [], [], now_ms - 365 * 86_400_000
    for cid in card_ids[: notes - notes // 10]:
        count = rng.randint(1, 6)
        for _ in range(count):
            stamp += rng.randint(1, 3_000_000)
            rows.append((stamp, cid, -1, rng.choice((1, 3, 3, 3, 4)), 3, 1, 2500, 5000, 1))
        updates.append((2, 2, today + rng.randint(-1, 60), rng.randint(1, 90), count, cid))
    db = sqlite3.connect(path)
    with db:
        db.executemany("update cards set type=?, queue=?, due=?, ivl=?, reps=? where id=?", updates)
        db.executemany("insert into revlog values (?,?,?,?,?,?,?,?,?)", rows)
    db.close()
    return Collection(str(path))


def by_front(col: Collection) -> dict[str, tuple]:
    """Each card by its question text: (answer, type, due relative to today, answers logged)."""
    today = col.sched.today
    result = {}
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        note = card.note()
        front = note.fields[0].split("<br>")[0].replace("<i>", "").replace("</i>", "")
        assert front not in result, f"{front} twice"
        reviews = col.db.scalar("select count() from revlog where cid=? and ease>0", cid)
        due = card.due - today if card.type == 2 else None
        result[front] = (note.fields[1].split("<br>")[0], card.type, due, reviews)
    return result


def test_a_history_deck_of_a_thousand_notes_round_trips(tmp_path, fresh):
    source = history_collection(tmp_path / "source.anki2", 1000)
    package = export(source, tmp_path / "source.apkg", legacy=False)
    before = by_front(source)
    source.close()

    deck = tmp_path / "twentieth.yaml"
    progress = tmp_path / "progress"
    result = recall("import", str(package), "--id", "twentieth", "-o", str(deck),
                    "--with-history", "--progress-dir", str(progress))
    assert result.returncode == 0, result.stderr
    back = tmp_path / "back.apkg"
    result = recall("export", str(deck), "--format", "apkg", "--with-history",
                    "--progress-dir", str(progress), "-o", str(back))
    assert result.returncode == 0, result.stderr
    log = import_package(fresh, back)
    assert len(log.new) == 1000
    after = by_front(fresh)
    assert len(after) == 1000
    assert set(after) == set(before)
    for front, (answer, kind, due, reviews) in before.items():
        assert after[front] == (answer, kind, due, reviews), front
