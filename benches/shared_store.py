#!/usr/bin/env python3
"""Several `sfn` processes on one store: throughput and latency of start-execution.

P client processes each start N short executions (a Pass, a Choice and a Pass) one after
another, all on one store, as P scripts or CI jobs sharing a machine would. Prints the
executions per second over the whole run and the median and 99th percentile of one
`start-execution` (a fresh process that runs its execution to the end). With several
binaries, they are measured side by side, alternating rounds, so that machine noise
falls on each alike.

    python3 benches/shared_store.py --sfn target/release/sfn [--sfn other/sfn] \
        [--processes 8] [--executions 25] [--rounds 3]
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile
import threading
import time

DEFINITION = {
    "StartAt": "A",
    "States": {
        "A": {"Type": "Pass", "Result": {"n": 1}, "Next": "C"},
        "C": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Next": "B"}],
              "Default": "B"},
        "B": {"Type": "Pass", "End": True},
    },
}


def sfn(binary, db, *args):
    env = dict(os.environ, SFN_DB=db)
    return subprocess.run([binary, *args], env=env, capture_output=True, text=True)


def one_round(binary, processes, executions):
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "sfn.db")
        created = sfn(binary, db, "create-state-machine", "--name", "m", "--definition",
                      json.dumps(DEFINITION), "--role-arn", "arn:aws:iam::123456789012:role/r")
        arn = json.loads(created.stdout)["stateMachineArn"]
        latencies, failures = [], []
        lock = threading.Lock()

        def client(k):
            for i in range(executions):
                t = time.perf_counter()
                out = sfn(binary, db, "start-execution", "--state-machine-arn", arn,
                          "--name", f"c{k}-{i}")
                dt = time.perf_counter() - t
                with lock:
                    latencies.append(dt)
                    if out.returncode != 0:
                        failures.append(out.stderr.strip()[-200:])

        threads = [threading.Thread(target=client, args=(k,)) for k in range(processes)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
        listed = sfn(binary, db, "list-executions", "--state-machine-arn", arn,
                     "--status-filter", "SUCCEEDED", "--query", "length(executions)")
        succeeded = int(listed.stdout.strip() or 0)
        return wall, latencies, failures, succeeded


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sfn", action="append", required=True)
    p.add_argument("--processes", type=int, default=8)
    p.add_argument("--executions", type=int, default=25)
    p.add_argument("--rounds", type=int, default=3)
    a = p.parse_args()
    results = {b: {"rate": [], "lat": [], "failures": 0, "missing": 0} for b in a.sfn}
    total = a.processes * a.executions
    for _ in range(a.rounds):
        for binary in a.sfn:
            wall, lat, failures, succeeded = one_round(binary, a.processes, a.executions)
            r = results[binary]
            r["rate"].append(total / wall)
            r["lat"].extend(lat)
            r["failures"] += len(failures)
            r["missing"] += total - succeeded
    print(f"{a.processes} processes x {a.executions} executions, {a.rounds} rounds")
    for binary, r in results.items():
        lat = sorted(r["lat"])
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
        print(f"{binary}: {statistics.median(r['rate']):.1f} executions/s (median of rounds), "
              f"start-execution p50 {statistics.median(lat) * 1000:.1f} ms, "
              f"p99 {p99 * 1000:.1f} ms, failed commands {r['failures']}, "
              f"not SUCCEEDED {r['missing']}")


if __name__ == "__main__":
    main()
