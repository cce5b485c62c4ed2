#!/usr/bin/env python3
"""Whole-process benchmark of branches and iterations that wait, run side by side.

Each workflow's children spend their time waiting (a Wait state, or a local handler
command that sleeps): run one after another they would take `serial` seconds, fully
overlapped `ideal` seconds. Prints the median wall time of `start-execution` (a fresh
`sfn` process that runs the execution to its end) against both, and checks that every
run SUCCEEDED.

    python3 benches/concurrency.py --sfn target/release/sfn [--runs 3]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SLEEP = "arn:aws:lambda:us-east-1:123456789012:function:nap"


def workflows():
    nap = {"Type": "Task", "Resource": SLEEP, "End": True}
    yield (
        "Parallel: 8 branches, a 0.5 s command each",
        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": True, "Branches": [
            {"StartAt": f"N{i}", "States": {f"N{i}": nap}} for i in range(8)]}}},
        [0.5] * 8, 0.5 * 8, 0.5,
    )
    yield (
        "Map: 40 items, a 1 s Wait each",
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": True, "ItemProcessor": {
            "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "End": True}}}}}},
        list(range(40)), 40.0, 1.0,
    )
    yield (
        "Map: 40 items, MaxConcurrency 10, a 0.2 s command each",
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": True, "MaxConcurrency": 10,
            "ItemProcessor": {"StartAt": "N", "States": {"N": nap}}}}},
        [0.2] * 40, 0.2 * 40, 0.2 * 4,
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sfn", required=True)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    sfn = str(Path(args.sfn).resolve())
    print(f"{'workflow':<56} {'median':>8} {'ideal':>7} {'serial':>7}")
    failed = False
    for title, definition, items, serial, ideal in workflows():
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            (tmp / "nap.sh").write_text('sleep "$(cat)"\necho null\n')
            (tmp / "handlers.json").write_text(json.dumps({"lambda": {"nap": ["sh", str(tmp / "nap.sh")]}}))
            env = dict(os.environ, SFN_DB=str(tmp / "sfn.db"), SFN_HANDLERS=str(tmp / "handlers.json"))
            env.pop("SFN_WAIT_TIME_SCALE", None)
            run = lambda *a: subprocess.run([sfn, *a], env=env, capture_output=True, text=True, check=True)
            arn = json.loads(run("create-state-machine", "--name", "c", "--definition",
                                 json.dumps(definition), "--role-arn",
                                 "arn:aws:iam::123456789012:role/r").stdout)["stateMachineArn"]
            is_parallel = "Parallel" in title
            payload = json.dumps(items[0] if is_parallel else items)
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                out = json.loads(run("start-execution", "--state-machine-arn", arn, "--input", payload).stdout)
                times.append(time.perf_counter() - start)
                status = json.loads(run("describe-execution", "--execution-arn", out["executionArn"]).stdout)["status"]
                if status != "SUCCEEDED":
                    print(f"{title}: {status}", file=sys.stderr)
                    failed = True
            print(f"{title:<56} {statistics.median(times):>7.2f}s {ideal:>6.1f}s {serial:>6.1f}s")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
