#!/usr/bin/env python3
"""Fail CI when the extraction scores on the seeds fall below the targets."""
import json
import sys

# (metric, index into a P/R/F1 triple or None for a plain figure, minimum)
TARGETS = [
    ("metadata_title_acc", None, 1.0),
    ("event", 2, 0.85),
    ("event_date_acc", None, 0.90),
    ("event_location_recall", None, 0.90),
    ("event_fatalities_acc", None, 0.90),
    # incidents: pairwise "same incident" precision and recall over matched gold events
    ("incident_pairs", 0, 0.90),
    ("incident_pairs", 1, 0.90),
    ("quote_speaker_strict", 2, 0.95),
]

def main():
    s = json.load(open(sys.argv[1], encoding="utf-8"))
    failed = False
    for key, idx, minimum in TARGETS:
        v = s.get(key)
        if isinstance(v, list) and idx is not None:
            v = v[idx]
        ok = v is not None and v + 1e-9 >= minimum
        print(f"gate {key:28s} {('n/a' if v is None else f'{v:.3f}'):>6} >= {minimum:.2f}  {'ok' if ok else 'FAIL'}")
        failed |= not ok
    sys.exit(1 if failed else 0)

if __name__ == "__main__":
    main()
