#!/usr/bin/env python3
"""Times Anki's own backend (PyPI `anki`, Rust over SQLite) on a collection the size of
Recall's benchmark collection: 100,000 cards and 1,000,000 review-log rows over three years.

    .build/python-venv/bin/pip install anki==26.9.3
    .build/python-venv/bin/python scripts/anki-compare.py [--cards N] [--reviews M] [--runs R]

Prints two rows to set beside `recall-bench scale`:
- open + queue + first card: open the collection file, fetch the first queued card (v3
  scheduler, 20 new / 200 reviews a day) and render its question; median of R runs, each on a
  freshly opened collection. Python's own start-up and `import anki` are not counted, while
  Recall's figure includes starting its process, so the comparison favours Anki.
- answer a card: `answer_card` with Good on the card just shown, median and p99 over 200
  answers (Anki commits each answer to SQLite before it returns).
"""

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from anki.collection import AddNoteRequest, Collection
from anki.scheduler.v3 import CardAnswer

DAY_MS = 86_400_000


def build(path: Path, cards: int, reviews: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    col = Collection(str(path))
    notetype = col.models.by_name("Basic")
    deck_id = col.decks.id("Synthetic")
    notes = []
    for index in range(cards):
        note = col.new_note(notetype)
        note["Front"] = f"Synthetic statement {index} names the term ____."
        note["Back"] = f"zq{index}x"
        notes.append(note)
    col.add_notes([AddNoteRequest(note=note, deck_id=deck_id) for note in notes])
    card_ids = col.db.list("select id from cards order by id")
    today = col.sched.today
    now_ms = int(time.time() * 1000)
    studied = card_ids[: cards - cards // 10]  # nine cards in ten studied, as in Recall's
    updates = []
    for cid in studied:
        ivl = rng.randint(1, 400)
        due = today + rng.randint(-30, 400)
        updates.append((2, 2, due, ivl, 2500, rng.randint(3, 20), cid))
    span_ms = 3 * 365 * DAY_MS
    rows = []
    used = set()
    for index in range(reviews):
        cid = studied[index % len(studied)]
        stamp = now_ms - rng.randint(0, span_ms)
        while stamp in used:
            stamp += 1
        used.add(stamp)
        ease = rng.choice((1, 3, 3, 3, 3, 3, 3, 3, 2, 4))
        rows.append((stamp, cid, -1, ease, 10, 5, 2500, 4200, 1))
    config = col.decks.config_dict_for_deck_id(deck_id)
    config["new"]["perDay"] = 20
    config["rev"]["perDay"] = 200
    col.decks.update_config(config)
    col.decks.select(deck_id)
    col.close()
    # One SQLite transaction for the bulk rows: through the backend each statement would be
    # committed (and flushed) on its own, which takes minutes.
    db = sqlite3.connect(path)
    with db:
        db.executemany(
            "update cards set type=?, queue=?, due=?, ivl=?, factor=?, reps=? where id=?", updates
        )
        db.executemany("insert into revlog values (?,?,?,?,?,?,?,?,?)", rows)
    db.close()


def first_card(path: Path):
    start = time.perf_counter()
    col = Collection(str(path))
    queued = col.sched.get_queued_cards(fetch_limit=1)
    card = col.get_card(queued.cards[0].card.id)
    card.question()
    elapsed = time.perf_counter() - start
    return elapsed, col


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=11)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=".") as folder:
        path = Path(folder) / "collection.anki2"
        start = time.perf_counter()
        build(path, arguments.cards, arguments.reviews)
        print(f"anki: build {arguments.cards} cards, {arguments.reviews} reviews"
              f"   {time.perf_counter() - start:.1f} s")
        times = []
        for _ in range(arguments.runs):
            elapsed, col = first_card(path)
            times.append(elapsed)
            col.close()
        print(f"anki: open + queue + first card   median {statistics.median(times) * 1000:.1f} ms"
              f" ({arguments.runs} runs, in process)")
        col = Collection(str(path))
        answers = []
        for _ in range(200):
            queued = col.sched.get_queued_cards(fetch_limit=1)
            if not queued.cards:
                break
            card = col.get_card(queued.cards[0].card.id)
            card.start_timer()
            states = col._backend.get_scheduling_states(card.id)
            answer = col.sched.build_answer(card=card, states=states, rating=CardAnswer.GOOD)
            start = time.perf_counter()
            col.sched.answer_card(answer)
            answers.append(time.perf_counter() - start)
        col.close()
        answers.sort()
        p99 = answers[min(len(answers) - 1, len(answers) * 99 // 100)]
        print(f"anki: answer a card   median {statistics.median(answers) * 1000:.2f} ms,"
              f" p99 {p99 * 1000:.2f} ms ({len(answers)} answers)")


if __name__ == "__main__":
    main()
