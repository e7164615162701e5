"""`recall import DECK.apkg`, checked against packages Anki's own backend builds (PyPI `anki`):
both package versions, every standard note type, media, reviews, suspended and buried cards,
and archives that are not good packages.

The deck Recall wrote is read back through `recall export --format csv` and `recall check`;
the history through `recall stats --format json`, so Recall's own view of what is due is
compared with Anki's.
"""

import csv
import html
import json
import re
import time
from pathlib import Path

import pytest
from anki.collection import Collection
from anki_packages import DECK, answer, build_collection, export
from test_anki_import import recall

STANDARD = {"Basic", "Basic (and reversed card)", "Basic (type in the answer)",
            "Basic (optional reversed card)", "Cloze"}


def plain(field: str) -> str:
    """Anki field HTML as text, by other means than Recall's: tags out, entities decoded."""
    text = re.sub(r"\[sound:[^\]]*\]", "", field)
    text = re.sub(r"<[^>]*>", "", text)
    return " ".join(html.unescape(text).split())


def card_question(card) -> tuple[str, str] | None:
    """(prompt, answer) of a card of a standard note type, as Anki's templates ask; None for
    other note types."""
    note = card.note()
    kind = note.note_type()["name"]
    if kind not in STANDARD:
        return None
    if kind == "Cloze":
        number = card.ord + 1
        text = note["Text"]
        answer = re.search(r"\{\{c%d::(.*?)\}\}" % number, text).group(1)
        blanked = re.sub(r"\{\{c%d::.*?\}\}" % number, "_____", text)
        blanked = re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", blanked)
        return plain(blanked), answer
    if card.ord == 0:
        return plain(note.fields[0]), plain(note.fields[1])
    return plain(note.fields[1]), plain(note.fields[0])


def expected_questions(col) -> list[tuple[str, str]]:
    """(prompt, answer) for every card of a standard note type."""
    questions = (card_question(col.get_card(card_id)) for card_id in sorted(col.find_cards("")))
    return [question for question in questions if question]


@pytest.fixture
def collection(tmp_path):
    col = build_collection(tmp_path / "source.anki2")
    yield col
    col.close()


def import_package(tmp_path: Path, package: Path, *extra: str) -> tuple[Path, str]:
    deck = tmp_path / "kosovo.yaml"
    result = recall("import", str(package), "--id", "kosovo", "-o", str(deck),
                    "--progress-dir", str(tmp_path / "progress"), *extra)
    assert result.returncode == 0, result.stderr
    return deck, result.stderr


def recall_questions(tmp_path: Path, deck: Path) -> list[dict]:
    out = tmp_path / "questions.csv"
    result = recall("export", str(deck), "--format", "csv", "-o", str(out))
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("legacy", [False, True], ids=["current", "legacy"])
def test_every_card_of_a_standard_note_type_arrives(tmp_path, collection, legacy):
    package = export(collection, tmp_path / "kosovo.apkg", legacy)
    deck, stderr = import_package(tmp_path, package)
    check = recall("check", str(deck))
    assert check.returncode == 0, check.stdout + check.stderr
    text = deck.read_text(encoding="utf-8")
    assert "title: Kosovo War\n" in text
    assert "tags: [bajgora, people]\n" in text

    questions = recall_questions(tmp_path, deck)
    got = sorted((row["prompt"], row["answers"]) for row in questions)
    assert got == sorted(expected_questions(collection))
    # The unknown note type is named, the media listed once.
    assert "note type 'Vocabulary (Recall test)' skipped" in stderr
    assert stderr.count("media file") == 1
    assert "'bajgora-map.png'" in stderr and "'bajgora.mp3'" in stderr


def test_both_versions_and_reimports_give_the_same_ids(tmp_path, collection):
    ids = []
    for legacy in (False, True, False):
        folder = tmp_path / f"run{len(ids)}"
        folder.mkdir()
        package = export(collection, folder / "kosovo.apkg", legacy)
        deck, _ = import_package(folder, package)
        ids.append([row["id"] for row in recall_questions(folder, deck)])
    assert ids[0] == ids[1] == ids[2]
    assert len(set(ids[0])) == len(ids[0])


def anki_due_by_day(col) -> tuple[int, list[int]]:
    """Cards due now (reviews due today, learning cards due by now; `is:due` also counts
    learning cards due later today, which both apps show later) and review cards due on each
    of the next 30 days, as Anki's own searches count them."""
    now = time.time()
    learning = [card_id for card_id in col.find_cards("is:learn -is:suspended -is:buried")
                if col.get_card(card_id).due <= now]
    due_now = len(col.find_cards("is:due -is:learn -is:suspended -is:buried")) + len(learning)
    by_day = [len(col.find_cards(f"prop:due={day} -is:suspended -is:buried"))
              for day in range(1, 31)]
    return due_now, by_day


@pytest.mark.parametrize("legacy", [False, True], ids=["current", "legacy"])
def test_history_shows_what_anki_would_show(tmp_path, collection, legacy):
    # A spread of due dates: some reviews due today, some later, some in learning.
    reviews = sorted(collection.find_cards("is:review"))
    collection.sched.set_due_date(reviews[:1], "0")
    collection.sched.set_due_date(reviews[1:], "5-9")
    package = export(collection, tmp_path / "kosovo.apkg", legacy)
    deck, stderr = import_package(tmp_path, package, "--with-history")
    assert "wrote the progress of" in stderr

    stats = recall("stats", str(deck), "--progress-dir", str(tmp_path / "progress"),
                   "--format", "json")
    assert stats.returncode == 0, stats.stderr
    report = json.loads(stats.stdout)
    due_now, by_day = anki_due_by_day(collection)
    assert report["due_by_day"] == by_day
    assert report["due_now"] == due_now

    answers = collection.db.scalar("select count() from revlog where ease between 1 and 4 "
                                   "and type <= 3")
    assert report["reviews"] == answers
    counts = report["cards"]
    assert counts["review"] == len(collection.find_cards(f'"deck:{DECK}" is:review -is:learn'))
    assert counts["learning"] == len(collection.find_cards("is:learn"))


def test_progress_is_never_replaced_without_force(tmp_path, collection):
    package = export(collection, tmp_path / "kosovo.apkg", False)
    import_package(tmp_path, package, "--with-history")
    again = recall("import", str(package), "--id", "kosovo", "-o", str(tmp_path / "other.yaml"),
                   "--progress-dir", str(tmp_path / "progress"), "--with-history")
    assert again.returncode == 73
    assert "already has progress" in again.stderr
    assert not (tmp_path / "other.yaml").exists()
    forced = recall("import", str(package), "--id", "kosovo", "-o", str(tmp_path / "kosovo.yaml"),
                    "--progress-dir", str(tmp_path / "progress"), "--with-history", "--force")
    assert forced.returncode == 0, forced.stderr


def damaged_packages(tmp_path: Path, good: Path) -> dict[str, Path]:
    data = good.read_bytes()
    cases = {
        "truncated": data[: len(data) // 2],
        "not-zip": b"Front\tBack\nMazhiq\ta village\n",
        "password": data[:6] + bytes([data[6] | 1]) + data[7:],
        "garbage": bytes(range(256)) * 40,
    }
    import zipfile
    paths = {}
    for name, content in cases.items():
        path = tmp_path / f"{name}.apkg"
        path.write_bytes(content)
        paths[name] = path
    other = tmp_path / "photos.apkg"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("holiday.jpg", b"\xff\xd8 not really")
    paths["non-anki"] = other
    bomb = tmp_path / "bomb.apkg"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", b"\0" * (600 << 20))
    paths["zip-bomb"] = bomb
    return paths


def test_bad_archives_get_a_clear_error_and_write_nothing(tmp_path, collection):
    good = export(collection, tmp_path / "good.apkg", False)
    expected = {
        "truncated": "damaged or cut short",
        "not-zip": "not an Anki package",
        "password": "password-protected",
        "garbage": "not an Anki package",
        "non-anki": "not an Anki package",
        "zip-bomb": "would unpack to more than",
    }
    for name, path in damaged_packages(tmp_path, good).items():
        out = tmp_path / f"{name}.yaml"
        result = recall("import", str(path), "--format", "apkg", "--id", "bad", "-o", str(out),
                        "--with-history", "--progress-dir", str(tmp_path / "progress"))
        assert result.returncode == 65, (name, result.stderr)
        assert expected[name] in result.stderr, (name, result.stderr)
        assert result.stderr.count("\n") == 1, (name, result.stderr)
        assert not out.exists(), name
        assert not (tmp_path / "progress").exists(), name


@pytest.mark.parametrize("legacy", [False, True], ids=["current", "legacy"])
def test_a_collection_package_imports_like_a_deck_package(tmp_path, collection, legacy):
    expected = expected_questions(collection)
    package = tmp_path / "collection.colpkg"
    # Exporting a whole collection closes it; the fixture's close afterwards is harmless.
    collection.export_collection_package(str(package), include_media=True, legacy=legacy)
    deck, stderr = import_package(tmp_path, package, "--with-history")
    got = sorted((row["prompt"], row["answers"]) for row in recall_questions(tmp_path, deck))
    assert got == sorted(expected)
    assert "wrote the progress of" in stderr


def test_ankis_own_fsrs_memory_state_is_taken(tmp_path):
    col = Collection(str(tmp_path / "fsrs.anki2"))
    col.set_config("fsrs", True)
    deck_id = col.decks.id(DECK)
    for index in range(4):
        note = col.new_note(col.models.by_name("Basic"))
        note["Front"] = f"Question {index}"
        note["Back"] = f"Answer {index}"
        col.add_note(note, deck_id)
    col.decks.select(deck_id)
    answer(col, 8)
    states = {}
    for card_id in col.find_cards("-is:new"):
        card = col.get_card(card_id)
        assert card.memory_state is not None
        states[card.note()["Front"]] = (card.memory_state.stability, card.memory_state.difficulty)
    assert states
    package = export(col, tmp_path / "fsrs.apkg", legacy=False)
    col.close()
    deck, _ = import_package(tmp_path, package, "--with-history")
    progress = json.loads((tmp_path / "progress" / "kosovo.json").read_text())["cards"]
    prompts = {row["id"]: row["prompt"] for row in recall_questions(tmp_path, deck)}
    got = {prompts[card_id]: (state["stability"], state["difficulty"])
           for card_id, state in progress.items()}
    assert set(got) == set(states)
    for front, (stability, difficulty) in states.items():
        assert got[front][0] == pytest.approx(stability, abs=1e-3), front
        assert got[front][1] == pytest.approx(difficulty, abs=1e-3), front
