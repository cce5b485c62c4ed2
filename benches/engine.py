#!/usr/bin/env python3
"""Whole-process benchmark of the engine on the workflows in benches/workflows.

For each workflow: a fresh store, `create-state-machine`, then `start-execution` run
--runs times (after one warm-up), each a separate `sfn` process that runs the execution
to its end and stores its history. Prints the median wall time and the peak resident
memory of the start-execution processes (measured through GNU time on one more run),
and checks that every run SUCCEEDED.

    python3 benches/engine.py --sfn target/release/sfn [--runs 5] [--only W1]
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

HERE = Path(__file__).resolve().parent / "workflows"


GNU_TIME = "/usr/bin/time"


def measure(cmd, env, rss=False):
    """Runs cmd, returning (returncode, stdout, stderr, seconds, peak RSS in MB).

    With `rss`, the peak RSS comes from GNU time when it is there: the rusage of a child
    forked by this Python process reports Python's own peak as a floor (Linux carries the
    pre-exec high-water mark over exec), about 16 MB. Timed runs go without it."""
    rss_file = None
    if rss and os.path.exists(GNU_TIME):
        rss_fd, rss_file = tempfile.mkstemp()
        os.close(rss_fd)
        cmd = [GNU_TIME, "-f", "%M", "-o", rss_file] + cmd
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak_kib = usage.ru_maxrss  # KiB on Linux
    if rss_file:
        with open(rss_file) as f:
            lines = f.read().split()
        os.unlink(rss_file)
        if lines and lines[-1].isdigit():
            peak_kib = int(lines[-1])
    return proc.returncode, out, err, elapsed, peak_kib / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sfn", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", default=None)
    args = ap.parse_args()
    manifest = json.loads((HERE / "manifest.json").read_text())
    sfn = str(Path(args.sfn).resolve())
    print(f"{'workflow':<8} {'transitions':>11} {'median':>10} {'min':>10} {'peak RSS':>9}")
    failed = False
    for name, info in manifest.items():
        if args.only and args.only not in name:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, SFN_DB=str(Path(tmp) / "bench.db"))
            created = subprocess.run(
                [sfn, "create-state-machine", "--name", name,
                 "--definition", f"file://{HERE / (name + '.asl.json')}",
                 "--role-arn", "arn:aws:iam::123456789012:role/bench"],
                env=env, capture_output=True, text=True)
            if created.returncode != 0:
                print(f"{name}: create-state-machine failed: {created.stderr.strip()}")
                failed = True
                continue
            arn = json.loads(created.stdout)["stateMachineArn"]
            times, peaks = [], []
            # A warm-up, the timed runs, then one run for the peak RSS.
            for i in range(args.runs + 2):
                last = i == args.runs + 1
                code, out, err, secs, rss = measure(
                    [sfn, "start-execution", "--state-machine-arn", arn, "--name", f"run{i}",
                     "--input", f"file://{HERE / (name + '.input.json')}"], env, rss=last)
                if code != 0:
                    print(f"{name}: start-execution failed: {err.decode().strip()}")
                    failed = True
                    break
                exec_arn = json.loads(out)["executionArn"]
                status = json.loads(subprocess.run(
                    [sfn, "describe-execution", "--execution-arn", exec_arn],
                    env=env, capture_output=True, text=True).stdout)["status"]
                if status != "SUCCEEDED":
                    print(f"{name}: execution ended {status}")
                    failed = True
                    break
                if last:
                    peaks.append(rss)
                elif i > 0:  # the first run is a warm-up
                    times.append(secs)
            if times:
                print(f"{name:<8} {info['transitions']:>11} {statistics.median(times) * 1000:>8.1f}ms"
                      f" {min(times) * 1000:>8.1f}ms {max(peaks):>7.1f}MB")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
