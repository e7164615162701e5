#!/usr/bin/env python3
"""Times fsrs-rs-python's compute_parameters in process on a review log, for comparison with
`recall schedule optimize` run as a whole process on the same log.

Usage (from the repository root, with the venv of scripts/fsrs-rs-vectors.py):
    .build/fsrs-venv/bin/python scripts/optimizer-timing.py LOG.jsonl
    /usr/bin/time -f %e .build/release/recall schedule optimize --format json LOG.jsonl

Items are built as Recall builds them (scripts/fsrs-rs-vectors.py's items_of); the best of
three runs is printed with the fitted log loss.
"""
import sys, time, importlib.util
spec = importlib.util.spec_from_file_location("v", "scripts/fsrs-rs-vectors.py"); v = importlib.util.module_from_spec(spec); spec.loader.exec_module(v)
import json, datetime as dt, fsrs_rs_python as fr
lines=[]
for l in open(sys.argv[1]):
    e=json.loads(l); e['time']=dt.datetime.strptime(e['time'],"%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc); lines.append(e)
items, ids, _ = v.items_of(lines)
best=1e9
for _ in range(3):
    t=time.perf_counter(); p=fr.FSRS(v.DEFAULTS).compute_parameters(items, card_ids=ids); best=min(best,time.perf_counter()-t)
print(f"{len(lines)} reviews, {len(items)} items: fsrs-rs compute_parameters in process {best*1000:.1f} ms, log loss {fr.FSRS(p).evaluate(items).log_loss:.4f}")
