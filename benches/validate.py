#!/usr/bin/env python3
"""Validation throughput (not a test): definitions validated per second by `sfn lint`.

1. The validation corpus (every case's definition as one file) in a single `sfn lint` run.
2. One definition of about 1 MB (the AWS size limit): a chain of Pass states with
   payload templates and intrinsic calls, plus a Choice, a Map and a Parallel.

Each measurement is repeated --runs times; medians are printed.

    python3 benches/validate.py [--sfn target/debug/sfn] [--corpus DIR] [--runs 7]
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time

DEFAULT_CORPUS = "/work/shared/validation/cases"


def timed(cmd):
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit("%s exited %d" % (" ".join(cmd[:3]), proc.returncode))
    return elapsed


def pass_state(i):
    return {
        "Type": "Pass",
        "Comment": "step %d of a long chain" % i,
        "Parameters": {
            "index": i,
            "input.$": "$.payload",
            "label.$": "States.Format('step {} of {}', $.n, $.total)",
            "nested": {"hash.$": "States.Hash($.data, 'SHA-256')", "list": [1, 2, 3]},
        },
        "ResultPath": "$.steps.s%d" % i,
        "Next": "Step%05d" % (i + 1),
    }


def big_definition(target_bytes=960_000):
    states = {}
    one = len(json.dumps({"Step00000": pass_state(0)}, indent=1))
    for i in range(target_bytes // one - 1):
        states["Step%05d" % i] = pass_state(i)
    i = len(states)
    last = "Step%05d" % i
    states[last] = {
        "Type": "Choice",
        "Choices": [{"Variable": "$.n", "NumericGreaterThan": 3, "Next": "Fan"}],
        "Default": "Each",
    }
    states["Fan"] = {
        "Type": "Parallel",
        "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}],
        "Next": "Each",
    }
    states["Each"] = {
        "Type": "Map",
        "ItemsPath": "$.items",
        "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": True}}},
        "End": True,
    }
    return json.dumps({"StartAt": "Step00000", "States": states}, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sfn", default="target/debug/sfn")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    sfn = os.path.abspath(a.sfn)

    with tempfile.TemporaryDirectory(prefix="sfn-bench-validate-") as tmp:
        files = []
        for fn in sorted(os.listdir(a.corpus)):
            if fn.endswith(".json"):
                with open(os.path.join(a.corpus, fn), encoding="utf-8") as f:
                    case = json.load(f)
                path = os.path.join(tmp, fn)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(case["definition"])
                files.append(path)
        corpus = [timed([sfn, "lint", "--format", "json"] + files) for _ in range(a.runs)]
        median = statistics.median(corpus)
        print("corpus: %d definitions in one lint run: median %.1f ms, %.0f definitions/s"
              % (len(files), median * 1000, len(files) / median))

        big = os.path.join(tmp, "big.json")
        text = big_definition()
        with open(big, "w", encoding="utf-8") as f:
            f.write(text)
        runs = [timed([sfn, "lint", "--format", "json", big]) for _ in range(a.runs)]
        median = statistics.median(runs)
        print("1 MB definition (%d bytes, %d states): median %.1f ms, %.2f definitions/s"
              % (len(text), text.count('"Type"'), median * 1000, 1 / median))
        empty = os.path.join(tmp, "empty.json")
        with open(empty, "w") as f:
            f.write('{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}')
        startup = statistics.median(timed([sfn, "lint", empty]) for _ in range(a.runs))
        print("process start-up (one tiny definition): median %.1f ms" % (startup * 1000))


if __name__ == "__main__":
    main()
