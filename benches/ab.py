#!/usr/bin/env python3
"""Two sfn binaries side by side on the workflows in benches/workflows, in one sitting.

For each workflow: a fresh store per binary, `create-state-machine`, one warm-up, then
--runs rounds each running `start-execution` with A then B (alternating, so a busy moment
hits both alike), each a whole process as benches/engine.py runs it. Prints the medians and
minimums of both, B's time as a share of A's, and the peak RSS of one more run of each
(through GNU time). Every run must end SUCCEEDED with the same output from both.

    python3 benches/ab.py --a /path/to/sfn-main --b target/release/sfn [--runs 11] [--only W4]
"""
import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engine import HERE  # noqa: E402
from peers import sfn_runner as runner  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--a", required=True, help="the baseline binary")
    ap.add_argument("--b", required=True, help="the binary compared with it")
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--only", default=None)
    args = ap.parse_args()
    a, b = (str(Path(p).resolve()) for p in (args.a, args.b))
    manifest = json.loads((HERE / "manifest.json").read_text())
    print(f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'workflow':<8} {'A median':>9} {'B median':>9} {'B/A':>6} "
          f"{'A min':>8} {'B min':>8} {'A RSS':>7} {'B RSS':>7}")
    for name in manifest:
        if args.only and args.only not in name:
            continue
        with tempfile.TemporaryDirectory() as ta, tempfile.TemporaryDirectory() as tb:
            run_a, run_b = runner(a, name, ta), runner(b, name, tb)
            run_a(), run_b()
            times_a, times_b = [], []
            for _ in range(args.runs):
                sa, _, out_a = run_a()
                sb, _, out_b = run_b()
                if out_a != out_b:
                    raise RuntimeError(f"{name}: the outputs differ")
                times_a.append(sa)
                times_b.append(sb)
            _, rss_a, _ = run_a(rss=True)
            _, rss_b, _ = run_b(rss=True)
        ma, mb = statistics.median(times_a) * 1000, statistics.median(times_b) * 1000
        print(f"{name:<8} {ma:>7.1f}ms {mb:>7.1f}ms {mb / ma:>6.2f} "
              f"{min(times_a) * 1000:>6.1f}ms {min(times_b) * 1000:>6.1f}ms "
              f"{rss_a:>5.1f}MB {rss_b:>5.1f}MB")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
