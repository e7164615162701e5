#!/usr/bin/env python3
"""Writes the Anki packages the Swift tests import (Tests/RecallKitTests/Fixtures/anki/), built
in Anki's own backend (PyPI anki, see Tests/python/requirements.txt), so the Swift tests run
without Python:

    .build/python-venv/bin/python scripts/anki-fixtures.py

- current.apkg: collection.anki21b (zstd), protobuf media map; legacy.apkg: collection.anki21,
  JSON media map. Both from the same collection (Tests/python/anki_packages.py): notes of each
  standard note type, one of an unknown type, media, reviews, two suspended cards (one new) and
  a buried one.
- expected.json: what Anki itself says of each card (note GUID, template, type, queue, due, mod),
  for the tests to compare against.
"""

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Tests" / "python"))

from anki_packages import build_collection, export  # noqa: E402

OUT = ROOT / "Tests" / "RecallKitTests" / "Fixtures" / "anki"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        col = build_collection(Path(folder) / "collection.anki2")
        export(col, OUT / "current.apkg", legacy=False)
        export(col, OUT / "legacy.apkg", legacy=True)
        cards = []
        for card_id in sorted(col.find_cards("")):
            card = col.get_card(card_id)
            note = card.note()
            cards.append({
                "guid": note.guid, "notetype": note.note_type()["name"], "ord": card.ord,
                "type": card.type, "queue": card.queue, "due": card.due, "mod": card.mod,
                "reviews": len(col.card_stats_data(card_id).revlog),
            })
        expected = {"created": col.crt, "cards": cards}
        (OUT / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")
        col.close()


if __name__ == "__main__":
    main()
