"""Benchmark how long the largest document the query caps accept takes to parse, against a
small query parsed in the same run (the floor): CPU time per parse, the figure that holds up the
event loop.

    .venv/bin/python -m bench.parse_limits [--repeats 50]

The largest document fills both caps at once: 2,000 tokens (181 aliased `node(id:)` fields)
and close to 64 KiB of characters (each id string 330 characters). Writes
bench/results/parse_limits.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from graphql import parse

RESULTS = Path(__file__).resolve().parent / "results" / "parse_limits.json"
MAX_TOKENS = 2_000


def largest(string_length: int) -> str:
    padding = "x" * string_length
    return "{ " + " ".join(f'a{i}: node(id: "{padding}") {{ id }}' for i in range(181)) + " }"


DOCUMENTS = {
    "floor: { assets(first: 20) { totalCount } }": "{ assets(first: 20) { totalCount } }",
    "2,000 tokens": largest(0),
    "2,000 tokens and 64 KiB": largest(330),
}


def cpu_ms(document: str, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.process_time()
        parse(document, max_tokens=MAX_TOKENS)
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args()
    rows = {name: {"bytes": len(doc), "cpu_ms_median": cpu_ms(doc, args.repeats)}
            for name, doc in DOCUMENTS.items()}
    floor = next(iter(rows.values()))["cpu_ms_median"]
    print(f"{'document':<46} {'bytes':>7} {'cpu ms':>8} {'x floor':>8}")
    for name, row in rows.items():
        print(f"{name:<46} {row['bytes']:>7} {row['cpu_ms_median']:>8.2f} "
              f"{row['cpu_ms_median'] / floor:>8.0f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"repeats": args.repeats, "rows": rows}, indent=2))
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
