#!/usr/bin/env python3
"""Writes the FSRS parity fixtures that Recall's Swift tests replay, using py-fsrs 6.x.

Usage:
    pip install 'fsrs>=6,<7'
    python3 scripts/fsrs-vectors.py [output-folder]

The default output folder is Tests/RecallKitTests/Fixtures/fsrs. Runs are deterministic for a
given py-fsrs version (a fixed seed drives every random choice), so re-running it only changes
the files when py-fsrs changes.

Files written:
  configs.json    the scheduler settings each vector names (steps in seconds)
  vectors.jsonl   one random review history per line, replayed by the Swift tests:
                  {"config": name, "reviews": [[time, rating, state, step, stability,
                  difficulty, due, retrievability], ...]}
                  times are integer microseconds since 1970-01-01 UTC; state is py-fsrs's
                  number (1 learning, 2 review, 3 relearning); retrievability is the card's
                  just before the review (null for the first review).
  replay-log.jsonl       a multi-card review log in `recall schedule replay` input format
  replay-expected.jsonl  what replaying that log must print, computed by py-fsrs
"""

from __future__ import annotations

import json
import math
import random
import sys
from datetime import datetime, timedelta, timezone
from importlib.metadata import version
from pathlib import Path

try:
    from fsrs import Card, Rating, Scheduler, State
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS
except ImportError:
    sys.exit("fsrs-vectors: py-fsrs is missing; install it with: pip install 'fsrs>=6,<7'")

SEED = 20240611
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
DAY = timedelta(days=1)
HORIZON = datetime(2034, 1, 1, tzinfo=timezone.utc)

# Parameters a trained model could produce (they move the forgetting-curve decay, w20).
TRAINED_PARAMETERS = [
    0.12340357383516173, 1.2931, 2.397673571899466, 8.2956, 6.686820427099132,
    0.45021679958387956, 3.077875127553957, 0.053520395733247045, 1.6539992229052127,
    0.1466206769107436, 0.6300772488850335, 1.611965002575047, 0.012840136810798864,
    0.34853762746216305, 1.8878958285806287, 0.8546376191171063, 1.8729,
    0.6748536823468675, 0.20451266082721842, 0.22622814695113844, 0.46030603398979064,
]


def random_parameters(rng: random.Random) -> list[float]:
    """Parameters drawn inside py-fsrs's bounds, to exercise every weight."""
    values = []
    for low, high in zip(LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS):
        # Keep away from the extremes that make every interval 1 day or the maximum.
        span = high - low
        values.append(round(low + span * (0.05 + 0.4 * rng.random()), 6))
    return values


def configs(rng: random.Random) -> dict[str, dict]:
    """Scheduler settings by name; an absent key means py-fsrs's default."""
    return {
        "default": {},
        "retention-0.8": {"desired_retention": 0.8},
        "retention-0.97": {"desired_retention": 0.97},
        "trained-parameters": {"parameters": TRAINED_PARAMETERS},
        "random-parameters": {"parameters": random_parameters(rng), "desired_retention": 0.85},
        "long-steps": {
            "learning_steps": [30, 300, 3600, 86400, 172800],
            "relearning_steps": [300, 3600, 90000],
        },
        "odd-steps": {"learning_steps": [7], "relearning_steps": [1.000001, 45]},
        "no-steps": {"learning_steps": [], "relearning_steps": []},
        "maximum-interval-30": {"maximum_interval": 30},
        "combined": {
            "parameters": TRAINED_PARAMETERS,
            "desired_retention": 0.93,
            "learning_steps": [600],
            "relearning_steps": [60, 600, 3600],
            "maximum_interval": 365,
        },
    }


def scheduler_for(config: dict) -> Scheduler:
    arguments = {"enable_fuzzing": False}
    if "parameters" in config:
        arguments["parameters"] = config["parameters"]
    if "desired_retention" in config:
        arguments["desired_retention"] = config["desired_retention"]
    if "maximum_interval" in config:
        arguments["maximum_interval"] = config["maximum_interval"]
    for key in ("learning_steps", "relearning_steps"):
        if key in config:
            arguments[key] = [timedelta(seconds=seconds) for seconds in config[key]]
    return Scheduler(**arguments)


def micros(moment: datetime) -> int:
    delta = moment - EPOCH
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def iso(moment: datetime) -> str:
    """UTC with a Z; milliseconds or microseconds only when present (as Recall prints)."""
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if moment.microsecond:
        text += f".{moment.microsecond // 1000:03d}" if moment.microsecond % 1000 == 0 else (
            f".{moment.microsecond:06d}")
    return text + "Z"


def random_start(rng: random.Random) -> datetime:
    start = datetime(2023, 1, 1, tzinfo=timezone.utc)
    moment = start + timedelta(seconds=rng.randrange(3 * 365 * 86400))
    if rng.random() < 0.3:
        moment += timedelta(microseconds=rng.randrange(1_000_000))
    return moment


def next_time(rng: random.Random, card: Card, last: datetime) -> datetime:
    """When the learner comes back: on time, early, late, the same day or at a day boundary."""
    due = card.due
    span = max(due - last, timedelta(0))
    modes = ["on-time", "early", "late", "same-day", "boundary", "long-gap"]
    weights = [30, 15, 25, 15, 10, 5]
    if due > HORIZON or last + span * 3 > HORIZON:
        # Keep review times in this century, as real ones are: a due date can be 100 years
        # after its review, and Swift's Date is exact to the microsecond only until 2137.
        return last + min(span, 60 * DAY) * rng.random()
    mode = rng.choices(modes, weights=weights)[0]
    if mode == "on-time":
        return due
    if mode == "early":
        return last + span * rng.random()
    if mode == "late":
        return due + min(max(span, timedelta(hours=1)), 365 * DAY) * (3 * rng.random())
    if mode == "same-day":
        return last + timedelta(seconds=rng.randrange(86400), microseconds=rng.randrange(10**6))
    if mode == "boundary":
        # Exactly a whole number of days after the last review, or a microsecond either side:
        # this is where whole-24-hour elapsed days flip.
        days = max(0, span.days + rng.choice([-1, 0, 1]))
        moment = last + timedelta(days=days) + timedelta(microseconds=rng.choice([-1, 0, 1]))
        return max(moment, last)
    return due + timedelta(days=rng.randrange(30, 800), seconds=rng.randrange(86400))


def random_rating(rng: random.Random) -> Rating:
    return rng.choices(
        [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy], weights=[18, 14, 52, 16]
    )[0]


def history(rng: random.Random, scheduler: Scheduler) -> list[list]:
    card = Card(card_id=1)
    moment = random_start(rng)
    card.due = moment
    reviews = []
    for index in range(rng.randint(1, 20)):
        if index > 0:
            moment = next_time(rng, card, moment)
        before = scheduler.get_card_retrievability(card, moment) if index > 0 else None
        rating = random_rating(rng)
        card, _ = scheduler.review_card(card, rating, moment)
        reviews.append([
            micros(moment), int(rating), int(card.state), card.step, card.stability,
            card.difficulty, micros(card.due), before,
        ])
    return reviews


def replay_fixture(rng: random.Random) -> tuple[list[str], list[str]]:
    """A log of several cards reviewed in one time-ordered stream, and py-fsrs's results."""
    scheduler = scheduler_for({})
    events = []
    for number in range(12):
        card_id = f"bajgora/q{number:02d}"
        card = Card(card_id=number)
        # Cards started within one week, so their reviews interleave in the log.
        moment = datetime(2024, 3, 4, 8, tzinfo=timezone.utc) + timedelta(
            seconds=rng.randrange(7 * 86400))
        card.due = moment
        for index in range(rng.randint(2, 14)):
            if index > 0:
                moment = next_time(rng, card, moment)
            rating = random_rating(rng)
            card, _ = scheduler.review_card(card, rating, moment)
            events.append((moment, len(events), card_id, rating))
    # One stream in time order; ties keep each card's own order.
    events.sort(key=lambda event: (event[0], event[1]))
    cards: dict[str, Card] = {}
    log, expected = [], []
    for moment, _, card_id, rating in events:
        spelled = rating.name.lower() if rng.random() < 0.7 else int(rating)
        log.append(json.dumps({"card": card_id, "time": iso(moment), "rating": spelled}))
        card = cards.get(card_id) or Card(card_id=len(cards), due=moment)
        before = scheduler.get_card_retrievability(card, moment) if card_id in cards else None
        card, _ = scheduler.review_card(card, rating, moment)
        cards[card_id] = card
        expected.append(json.dumps({
            "card": card_id, "time": iso(moment), "rating": rating.name.lower(),
            "state": card.state.name.lower(), "step": card.step,
            "stability": card.stability, "difficulty": card.difficulty,
            "due": iso(card.due), "retrievability": before,
        }, separators=(",", ":")))
    return log, expected


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "Tests/RecallKitTests/Fixtures/fsrs"
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    named = configs(rng)
    counts = {name: 100 for name in named}
    counts["default"] = 1000

    lines, total_reviews = [], 0
    for name, config in named.items():
        scheduler = scheduler_for(config)
        for _ in range(counts[name]):
            reviews = history(rng, scheduler)
            total_reviews += len(reviews)
            lines.append(json.dumps({"config": name, "reviews": reviews}, separators=(",", ":")))

    header = {
        "generator": f"py-fsrs {version('fsrs')}",
        "seed": SEED,
        "configs": named,
    }
    (folder / "configs.json").write_text(json.dumps(header, indent=1) + "\n")
    (folder / "vectors.jsonl").write_text("\n".join(lines) + "\n")
    log, expected = replay_fixture(rng)
    (folder / "replay-log.jsonl").write_text("\n".join(log) + "\n")
    (folder / "replay-expected.jsonl").write_text("\n".join(expected) + "\n")
    print(
        f"fsrs-vectors: {len(lines)} histories, {total_reviews} reviews, "
        f"{len(named)} configs; replay log of {len(log)} reviews; written to {folder}"
    )


if __name__ == "__main__":
    main()
