#!/usr/bin/env python3
"""Times fsrs-rs-python's compute_parameters in process and `recall schedule optimize` as a
whole process on the same review logs, in one run, so both see the same machine load.

Usage (from the repository root; fsrs-rs-python as for scripts/fsrs-rs-vectors.py):
    .build/release/recall-bench make-review-log --reviews 10000 --out /tmp/reviews-10k.jsonl
    .build/release/recall-bench make-review-log --reviews 100000 --out /tmp/reviews-100k.jsonl
    python3 scripts/optimizer-timing.py [--recall PATH] [--runs N] LOG.jsonl...

fsrs-rs is given the items Recall builds (scripts/fsrs-rs-vectors.py's items_of) with their
card ids; its time excludes reading the log and building items. Recall's time is the whole
process (start, read, fit, and scoring with the fitted and the default weights), measured from
here, so it includes starting the process. The best of --runs (default 5) of each is printed,
with the log loss of each fit as that tool scores it.
"""
import argparse, datetime as dt, importlib.util, json, subprocess, time

spec = importlib.util.spec_from_file_location("v", "scripts/fsrs-rs-vectors.py")
v = importlib.util.module_from_spec(spec)
spec.loader.exec_module(v)
fr = v.fr

parser = argparse.ArgumentParser()
parser.add_argument("--recall", default=".build/release/recall")
parser.add_argument("--runs", type=int, default=5)
parser.add_argument("logs", nargs="+")
arguments = parser.parse_args()

for log in arguments.logs:
    lines = []
    for text in open(log):
        entry = json.loads(text)
        entry["time"] = dt.datetime.strptime(entry["time"], "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=dt.timezone.utc)
        lines.append(entry)
    items, ids, _ = v.items_of(lines)
    reference = ours = float("inf")
    for _ in range(arguments.runs):
        began = time.perf_counter()
        fitted = fr.FSRS(v.DEFAULTS).compute_parameters(items, card_ids=ids)
        reference = min(reference, time.perf_counter() - began)
        began = time.perf_counter()
        output = subprocess.run(
            [arguments.recall, "schedule", "optimize", "--format", "json", log],
            check=True, capture_output=True, text=True).stdout
        ours = min(ours, time.perf_counter() - began)
    reference_loss = fr.FSRS(fitted).evaluate(items).log_loss
    our_loss = json.loads(output)["log_loss"]
    print(f"{log}: {len(lines)} reviews, {len(items)} items: fsrs-rs compute_parameters "
          f"(in process) {reference * 1000:.1f} ms, log loss {reference_loss:.4f}; "
          f"recall schedule optimize (whole process) {ours * 1000:.1f} ms, "
          f"log loss {our_loss:.4f}; best of {arguments.runs}")
