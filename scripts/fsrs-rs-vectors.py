#!/usr/bin/env python3
"""Writes the optimizer parity fixtures: simulated learners' review logs and what fsrs-rs
(through PyPI's fsrs-rs-python) makes of them.

Usage:
    python3 -m venv .build/fsrs-venv
    .build/fsrs-venv/bin/pip install 'fsrs-rs-python==0.9.3'
    .build/fsrs-venv/bin/python scripts/fsrs-rs-vectors.py [output-folder]

The default output folder is Tests/RecallKitTests/Fixtures/fsrs-rs. A fixed seed drives every
random choice, so re-running it changes the files only when fsrs-rs-python changes.

Each learner remembers by its own "true" FSRS-6 parameters, far from the defaults, while its
reviews are scheduled by the default parameters (as a learner's are before an optimizer has
run): a card is due when the defaults expect 90 % recall, the learner comes back a few days
early or late, and recalls with the probability its true parameters give.

Files written:
  <learner>.jsonl   the learner's review log, in `recall schedule replay` input format
  expected.json     per learner: the true parameters; the items fsrs-rs was given (count and a
                    checksum of their text); fsrs-rs's compute_parameters result; evaluate()
                    with those, with the defaults and with the true parameters; and
                    evaluate_with_time_series_splits(). Items are built as Recall builds them:
                    a card's reviews up to each review on a later UTC day than the one before,
                    in time order of that review.
"""

from __future__ import annotations

import json
import math
import random
import sys
import time
from datetime import datetime, timedelta, timezone
from importlib.metadata import version
from pathlib import Path

try:
    import fsrs_rs_python as fr
except ImportError:
    sys.exit("fsrs-rs-vectors: install fsrs-rs-python: pip install 'fsrs-rs-python==0.9.3'")

SEED = 20261201
START = datetime(2026, 1, 5, tzinfo=timezone.utc)
DEFAULTS = [round(value, 4) for value in fr.DEFAULT_PARAMETERS]

LEARNERS = {
    # Forgets fast: short initial stabilities, a steep forgetting curve, little growth.
    "forgetful": {
        "parameters": [0.05, 0.3, 0.9, 3.0, 7.2, 0.6, 2.2, 0.02, 1.1, 0.25, 1.2, 2.2, 0.09,
                       0.4, 1.2, 0.3, 2.4, 0.6, 0.2, 0.12, 0.45],
        "cards": 700, "days": 365, "seed": 1,
    },
    # Remembers well: long initial stabilities and fast growth, a flat curve.
    "retentive": {
        "parameters": [1.5, 4.0, 9.0, 25.0, 5.0, 1.2, 1.5, 0.01, 2.4, 0.1, 1.4, 1.0, 0.05,
                       0.2, 2.2, 0.5, 1.5, 0.3, 0.05, 0.05, 0.12],
        "cards": 800, "days": 400, "seed": 2,
    },
    # Parameters drawn within the bounds (kept off the extremes).
    "random": {"parameters": None, "cards": 700, "days": 365, "seed": 3},
}

LOWER = [0.001] * 4 + [1, 0.001, 0.001, 0.001, 0, 0, 0.001, 0.001, 0.001, 0.001, 0, 0, 1, 0,
                       0, 0.01, 0.1]
UPPER = [100] * 4 + [10, 4, 4, 0.75, 4.5, 0.8, 3.5, 5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8]


def random_parameters(rng: random.Random) -> list[float]:
    values = []
    for index, (low, high) in enumerate(zip(LOWER, UPPER)):
        if index < 4:
            values.append(round(math.exp(rng.uniform(math.log(0.1), math.log(30))), 4))
        else:
            values.append(round(low + (high - low) * rng.uniform(0.1, 0.6), 4))
    values[0:4] = sorted(values[0:4])
    return values


def retrievability(parameters: list[float], days: float, stability: float) -> float:
    decay = -parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    return (1 + factor * days / stability) ** decay


def simulate_learner(name: str, spec: dict) -> tuple[list[dict], list[float]]:
    rng = random.Random(SEED * 10 + spec["seed"])
    truth = spec["parameters"] or random_parameters(rng)
    true_model = fr.FSRS(truth)
    scheduler = fr.FSRS(DEFAULTS)
    lines = []
    for card in range(spec["cards"]):
        card_id = f"{name}-{card:04d}"
        day = rng.randrange(0, spec["days"] // 2)
        first = rng.choices([1, 2, 3, 4], weights=[0.25, 0.1, 0.5, 0.15])[0]
        reviews = [(day, rng.randrange(8 * 3600, 20 * 3600), first)]
        true_state = true_model.memory_state(fr.FSRSItem([fr.FSRSReview(first, 0)]))
        seen = fr.FSRSItem([fr.FSRSReview(first, 0)])
        if first < 3 or rng.random() < 0.3:
            # A learning step ten minutes later, on the same day.
            rating = 3 if rng.random() < 0.85 else 1
            reviews.append((day, reviews[-1][1] + 600, rating))
            seen = fr.FSRSItem(list(seen.reviews) + [fr.FSRSReview(rating, 0)])
            true_state = true_model.memory_state(seen)
        while True:
            scheduled = scheduler.memory_state(seen)
            interval = max(1, round(scheduler.next_interval(scheduled.stability, 0.9, 3)))
            delay = max(1, round(interval * rng.uniform(0.8, 1.3)) + rng.choice([-1, 0, 0, 1]))
            day += delay
            if day >= spec["days"]:
                break
            recall = retrievability(truth, delay, true_state.stability)
            if rng.random() < recall:
                rating = rng.choices([2, 3, 4], weights=[0.15, 0.75, 0.1])[0]
            else:
                rating = 1
            reviews.append((day, rng.randrange(8 * 3600, 20 * 3600), rating))
            seen = fr.FSRSItem(list(seen.reviews) + [fr.FSRSReview(rating, delay)])
            true_state = true_model.memory_state(seen)
        for review_day, second, rating in reviews:
            moment = START + timedelta(days=review_day, seconds=second)
            lines.append({"card": card_id, "time": moment, "rating": rating})
    lines.sort(key=lambda line: line["time"])
    return lines, truth


def items_of(lines: list[dict]) -> tuple[list[fr.FSRSItem], list[int], str]:
    """Recall's items: per card, the reviews up to each on a later UTC day, ordered by time."""
    by_card: dict[str, list[dict]] = {}
    order: list[str] = []
    for line in lines:
        if line["card"] not in by_card:
            by_card[line["card"]] = []
            order.append(line["card"])
        by_card[line["card"]].append(line)
    dated = []
    for card_index, card in enumerate(order):
        reviews = []
        previous_day = None
        for line in by_card[card]:
            day = (line["time"] - datetime(1970, 1, 1, tzinfo=timezone.utc)).days
            delta = 0 if previous_day is None else day - previous_day
            reviews.append((line["rating"], delta))
            if previous_day is not None and delta > 0:
                dated.append((line["time"], len(dated), card_index, list(reviews)))
            previous_day = day
    dated.sort(key=lambda entry: (entry[0], entry[1]))
    items = [fr.FSRSItem([fr.FSRSReview(r, d) for r, d in entry[3]]) for entry in dated]
    card_ids = [entry[2] for entry in dated]
    text = "\n".join(
        f"{entry[2]}:" + ";".join(f"{r},{d}" for r, d in entry[3]) for entry in dated)
    return items, card_ids, fnv1a(text)


def fnv1a(text: str) -> str:
    value = 0xCBF29CE484222325
    for byte in text.encode():
        value ^= byte
        value = (value * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{value:016x}"


def metrics(model: fr.FSRS, items: list[fr.FSRSItem]) -> dict:
    evaluation = model.evaluate(items)
    return {"log_loss": evaluation.log_loss, "rmse_bins": evaluation.rmse_bins}


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "Tests/RecallKitTests/Fixtures/fsrs-rs")
    folder.mkdir(parents=True, exist_ok=True)
    expected = {"fsrs_rs_python": version("fsrs-rs-python"), "learners": {}}
    for name, spec in LEARNERS.items():
        lines, truth = simulate_learner(name, spec)
        with open(folder / f"{name}.jsonl", "w") as log:
            for line in lines:
                stamp = line["time"].strftime("%Y-%m-%dT%H:%M:%SZ")
                log.write(json.dumps({"card": line["card"], "time": stamp,
                                      "rating": line["rating"]}) + "\n")
        items, card_ids, checksum = items_of(lines)
        began = time.perf_counter()
        fitted = fr.FSRS(DEFAULTS).compute_parameters(items, card_ids=card_ids)
        seconds = time.perf_counter() - began
        split = fr.evaluate_with_time_series_splits(items, card_ids=card_ids)
        expected["learners"][name] = {
            "log": f"{name}.jsonl",
            "reviews": len(lines),
            "true_parameters": truth,
            "items": len(items),
            "items_checksum": checksum,
            "parameters": fitted,
            "fit_seconds": round(seconds, 4),
            "fitted": metrics(fr.FSRS(fitted), items),
            "defaults": metrics(fr.FSRS(DEFAULTS), items),
            "true": metrics(fr.FSRS(truth), items),
            "time_series_split": {"log_loss": split.log_loss, "rmse_bins": split.rmse_bins},
        }
        print(f"{name}: {len(lines)} reviews, {len(items)} items, fit in {seconds:.3f} s, "
              f"log loss {expected['learners'][name]['fitted']['log_loss']:.4f} "
              f"(defaults {expected['learners'][name]['defaults']['log_loss']:.4f})")
    with open(folder / "expected.json", "w") as out:
        json.dump(expected, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
