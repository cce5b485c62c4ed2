"""Converts a batch of readings to Fahrenheit."""
import json
import sys

batch = json.load(sys.stdin)
records = [
    {"sensor": r["sensor"], "fahrenheit": round(r["celsius"] * 9 / 5 + 32, 1)}
    for r in batch["records"]
]
json.dump({"batch": batch["batch"], "records": records}, sys.stdout)
