"""Recall's exports, checked by their real consumers.

Anki's own backend (PyPI `anki`, headless) imports the text file `recall export --format anki`
writes: every question must arrive exactly once as a Basic note whose GUID is the question id,
with the fields and tags Recall wrote, and importing the file again must update notes rather than
add copies. A GIFT export must read back through `recall import` into a deck `recall check`
accepts.

The binary is $RECALL_BINARY (default .build/debug/recall); the deck is $RECALL_EXPORT_DECK
(default Decks/bajgora-offensive.yaml).
"""

import csv
import io
import os
import subprocess
from pathlib import Path

import pytest
from anki.collection import Collection, ImportCsvRequest

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("RECALL_BINARY", ROOT / ".build" / "debug" / "recall"))
DECK = Path(os.environ.get("RECALL_EXPORT_DECK", ROOT / "Decks" / "bajgora-offensive.yaml"))


def recall(*args: str, input: str | None = None) -> subprocess.CompletedProcess:
    """Runs Recall; `input` is its standard input (none when not given)."""
    if not BINARY.exists():
        pytest.fail(f"no recall binary at {BINARY}; run swift build or set RECALL_BINARY")
    return subprocess.run(
        [str(BINARY), *args], capture_output=True, text=True, check=False, cwd=ROOT,
        input=input, stdin=None if input is not None else subprocess.DEVNULL,
    )


def export(tmp_path: Path, fmt: str, *extra: str) -> Path:
    out = tmp_path / f"export.{fmt}"
    result = recall("export", str(DECK), "--format", fmt, "-o", str(out), *extra)
    assert result.returncode == 0, result.stderr
    return out


def exported_rows(path: Path) -> list[list[str]]:
    """The rows of an Anki text export, read as Anki reads them: tab-separated, quoted, `#` lines
    are headers or comments."""
    body = "".join(
        line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
        if not line.startswith("#")
    )
    return list(csv.reader(io.StringIO(body), delimiter="\t"))


def headers(path: Path) -> dict[str, str]:
    result = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line[1:].partition(":")
        result[key] = value
    return result


def import_into(col: Collection, path: Path):
    metadata = col.get_csv_metadata(path=str(path), delimiter=None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log


@pytest.fixture
def collection(tmp_path):
    col = Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


def notes_by_guid(col: Collection) -> dict:
    notes = [col.get_note(note_id) for note_id in col.find_notes("")]
    return {note.guid: note for note in notes}


def test_every_question_arrives_once_with_its_fields(tmp_path, collection):
    path = export(tmp_path, "anki")
    rows = exported_rows(path)
    assert rows, "the export has no questions"
    assert headers(path)["columns"] == "GUID\tFront\tBack\tTags"

    log = import_into(collection, path)
    assert len(log.new) == len(rows)
    assert not log.duplicate and not log.updated

    notes = notes_by_guid(collection)
    assert len(collection.find_notes("")) == len(rows)
    assert set(notes) == {row[0] for row in rows}
    title = headers(path)["deck"]
    for guid, front, back, tags in rows:
        note = notes[guid]
        assert note.note_type()["name"] == "Basic"
        assert note.fields == [front, back]
        assert sorted(note.tags) == sorted(tags.split())
        assert collection.decks.name(note.cards()[0].did) == title


def test_question_ids_are_the_guids(tmp_path, collection):
    path = export(tmp_path, "anki")
    csv_path = export(tmp_path, "csv")
    with csv_path.open(encoding="utf-8", newline="") as handle:
        ids = [row["id"] for row in csv.DictReader(handle)]
    import_into(collection, path)
    assert sorted(notes_by_guid(collection)) == sorted(ids)


def test_importing_again_updates_instead_of_duplicating(tmp_path, collection):
    path = export(tmp_path, "anki")
    rows = exported_rows(path)
    import_into(collection, path)

    again = import_into(collection, path)
    assert not again.new
    assert len(collection.find_notes("")) == len(rows)

    # A newer export with a changed answer updates that one note in place.
    changed_guid = rows[0][0]
    text = path.read_text(encoding="utf-8")
    first_back = rows[0][2]
    changed = tmp_path / "changed.txt"
    changed.write_text(text.replace(first_back, first_back + " (revised)", 1), encoding="utf-8")
    log = import_into(collection, changed)
    assert not log.new
    assert [entry.id.nid for entry in log.updated] == [notes_by_guid(collection)[changed_guid].id]
    assert len(collection.find_notes("")) == len(rows)
    assert notes_by_guid(collection)[changed_guid].fields[1] == first_back + " (revised)"


def test_gift_export_reads_back_into_a_checked_deck(tmp_path):
    gift = export(tmp_path, "gift")
    csv_path = export(tmp_path, "csv")
    with csv_path.open(encoding="utf-8", newline="") as handle:
        questions = list(csv.DictReader(handle))
    deck = tmp_path / "again.yaml"
    result = recall("import", str(gift), "--id", "again", "-o", str(deck))
    assert result.returncode == 0, result.stderr
    check = recall("check", str(deck))
    assert check.returncode == 0, check.stdout + check.stderr

    # Matching and order questions become one card per pair or item; the rest one item each.
    expected = 0
    for question in questions:
        if question["type"] == "match":
            expected += len(question["answers"].split(" | "))
        elif question["type"] == "order":
            expected += len(question["options"].split(" | "))
        else:
            expected += 1
    text = deck.read_text(encoding="utf-8")
    items = text.count("\n  - id: ")
    assert items == expected


def test_an_anki_export_imports_into_a_checked_deck(tmp_path, collection):
    """The other direction: Anki's own "Notes in Plain Text" export, with GUID, notetype, deck
    and tag columns, HTML fields and a cloze note, becomes a Recall deck."""
    deck_id = collection.decks.id("History::Kosovo War")
    basic = collection.models.by_name("Basic")
    cloze = collection.models.by_name("Cloze")
    note = collection.new_note(basic)
    note["Front"] = "Which village did Yugoslav forces fail to take in <b>July 1998</b>?"
    note["Back"] = "Mazhiq &amp; nearby villages"
    note.tags = ["bajgora", "villages"]
    collection.add_note(note, deck_id)
    note = collection.new_note(cloze)
    note["Text"] = "The KLA's first public appearance in the region was in {{c1::Zaberegje}}."
    collection.add_note(note, deck_id)

    exported = tmp_path / "from-anki.txt"
    collection.export_note_csv(
        out_path=str(exported), limit=None, with_html=True, with_tags=True, with_deck=True,
        with_notetype=True, with_guid=True,
    )
    deck = tmp_path / "from-anki.yaml"
    result = recall("import", str(exported), "-o", str(deck))
    assert result.returncode == 0, result.stderr
    check = recall("check", str(deck))
    assert check.returncode == 0, check.stdout + check.stderr
    text = deck.read_text(encoding="utf-8")
    assert "title: Kosovo War\n" in text
    assert "prompt: Which village did Yugoslav forces fail to take in July 1998?\n" in text
    assert "answer: Mazhiq & nearby villages\n" in text
    assert "tags: [bajgora, villages]\n" in text
    assert "text: The KLA's first public appearance in the region was in [[Zaberegje]].\n" in text
