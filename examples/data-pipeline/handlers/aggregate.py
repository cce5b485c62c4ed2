"""Averages the transformed readings per sensor."""
import json
import sys

request = json.load(sys.stdin)
readings = {}
for batch in request["batches"]:
    for record in batch["records"]:
        readings.setdefault(record["sensor"], []).append(record["fahrenheit"])
averages = {sensor: round(sum(v) / len(v), 2) for sensor, v in sorted(readings.items())}
json.dump({"source": request["source"], "batches": len(request["batches"]),
           "readings": sum(len(v) for v in readings.values()), "averageFahrenheit": averages}, sys.stdout)
