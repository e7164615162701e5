#!/usr/bin/env python3
"""Writes the simulator parity fixture: what fsrs-rs's simulator (through PyPI's
fsrs-rs-python) gives for a few learners and daily limits, over many seeds.

Usage:
    python3 -m venv .build/fsrs-venv
    .build/fsrs-venv/bin/pip install 'fsrs-rs-python==0.9.3'
    .build/fsrs-venv/bin/python scripts/fsrs-rs-simulator-vectors.py [output-file]

The default output is Tests/RecallKitTests/Fixtures/fsrs-rs-simulator/expected.json. Both
simulators are random, with different generators, so no run can be compared with a run:
for each case the file keeps, over SEEDS seeds, the mean and the sample standard deviation
of the run totals (reviews, correct reviews, cards learnt, seconds spent, and the expected
number of cards known on the middle and last day). The Swift tests run Recall's simulator
over as many seeds of their own and require each mean within four standard errors of the
difference of the two means.
"""

from __future__ import annotations

import json
import statistics
import sys
from importlib.metadata import version
from pathlib import Path

try:
    import fsrs_rs_python as fr
except ImportError:
    sys.exit("fsrs-rs-simulator-vectors: install fsrs-rs-python: pip install 'fsrs-rs-python==0.9.3'")

SEEDS = 40
UNLIMITED = 2**64 - 1
FORGETFUL = [0.05, 0.3, 0.9, 3.0, 7.2, 0.6, 2.2, 0.02, 1.1, 0.25, 1.2, 2.2, 0.09, 0.4, 1.2, 0.3,
             2.4, 0.6, 0.2, 0.12, 0.45]
RETENTIVE = [1.5, 4.0, 9.0, 25.0, 5.0, 1.2, 1.5, 0.01, 2.4, 0.1, 1.4, 1.0, 0.05, 0.2, 2.2, 0.5,
             1.5, 0.3, 0.05, 0.05, 0.12]
DEFAULTS = [round(value, 4) for value in fr.DEFAULT_PARAMETERS]

# name, weights, desired retention, cards, days, new a day, reviews a day, seconds a day,
# learning steps, relearning steps, longest interval
CASES = [
    ("defaults-70", DEFAULTS, 0.70, 400, 180, 10, None, None, 2, 1, 36500),
    ("defaults-80", DEFAULTS, 0.80, 400, 180, 10, None, None, 2, 1, 36500),
    ("defaults-90", DEFAULTS, 0.90, 400, 180, 10, None, None, 2, 1, 36500),
    ("defaults-95", DEFAULTS, 0.95, 400, 180, 10, None, None, 2, 1, 36500),
    ("forgetful-85-review-limit", FORGETFUL, 0.85, 300, 150, 15, 40, None, 2, 1, 36500),
    ("retentive-90-cost-limit", RETENTIVE, 0.90, 500, 120, 30, None, 600.0, 3, 2, 60),
    ("defaults-90-no-steps", DEFAULTS, 0.90, 300, 120, 20, None, None, 0, 0, 36500),
]


def totals(result, days: int) -> dict[str, float]:
    return {
        "reviews": sum(result.review_cnt_per_day),
        "correct": sum(result.correct_cnt_per_day),
        "learned": sum(result.learn_cnt_per_day),
        "seconds": sum(result.cost_per_day),
        "memorized_middle": result.memorized_cnt_per_day[days // 2],
        "memorized_last": result.memorized_cnt_per_day[-1],
    }


def main() -> None:
    output = Path(sys.argv[1] if len(sys.argv) > 1 else
                  "Tests/RecallKitTests/Fixtures/fsrs-rs-simulator/expected.json")
    cases = []
    for (name, weights, retention, cards, days, new_per_day, reviews_per_day, seconds_per_day,
         learning_steps, relearning_steps, maximum_interval) in CASES:
        config = fr.default_simulator_config()
        config.deck_size = cards
        config.learn_span = days
        config.learn_limit = new_per_day
        config.review_limit = UNLIMITED if reviews_per_day is None else reviews_per_day
        config.max_cost_perday = 1e12 if seconds_per_day is None else seconds_per_day
        config.learning_step_count = learning_steps
        config.relearning_step_count = relearning_steps
        config.max_ivl = float(maximum_interval)
        runs = [totals(fr.simulate(weights, retention, config, seed), days)
                for seed in range(SEEDS)]
        metrics = {}
        for key in runs[0]:
            values = [run[key] for run in runs]
            metrics[key] = {"mean": statistics.fmean(values), "sd": statistics.stdev(values)}
        cases.append({
            "name": name, "parameters": weights, "desired_retention": retention,
            "cards": cards, "days": days, "new_per_day": new_per_day,
            "reviews_per_day": reviews_per_day, "seconds_per_day": seconds_per_day,
            "learning_steps": learning_steps, "relearning_steps": relearning_steps,
            "maximum_interval": maximum_interval, "seeds": SEEDS, "metrics": metrics,
        })
    document = {"generator": f"fsrs-rs-python {version('fsrs-rs-python')}", "cases": cases}
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(document, indent=1) + "\n")
    print(f"wrote {output}: {len(cases)} cases x {SEEDS} seeds")


if __name__ == "__main__":
    main()
