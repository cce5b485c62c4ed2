#!/usr/bin/env bash
# Does the live view cost time? Median wall time of `sfn run` on the 10,000-transition
# W1 workflow under a pseudo-terminal (`script`), with stderr on the terminal (live view,
# history table, status line) and with stderr sent to /dev/null (no live view). Both runs
# pay the same pseudo-terminal overhead, so the difference is the live view's cost. Wall
# time on a busy machine is noisy: the CPU time (user + system, all processes) is steadier.
#
#     benches/live-view.sh [path/to/sfn] [runs]   (default: target/release/sfn, 9 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
sfn=${1:-target/release/sfn}
runs=${2:-9}
[ -x "$sfn" ] || cargo build --release
sfn=$(realpath "$sfn")
command -v script >/dev/null || { echo "needs script (util-linux)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run="$sfn run benches/workflows/W1.asl.json --name W1 --input file://benches/workflows/W1.input.json"

python3 - "$work" "$runs" "$run" <<'PY'
import os, resource, statistics, subprocess, sys, time
work, runs, run = sys.argv[1], int(sys.argv[2]), sys.argv[3]
modes = {
    "live view (stderr on the terminal)": f"stty cols 120; {run} >/dev/null",
    "no live view (stderr to /dev/null)": f"stty cols 120; {run} >/dev/null 2>/dev/null",
}
times = {m: [] for m in modes}
cpu = {m: [] for m in modes}
for i in range(runs):
    for mode, line in modes.items():
        db = os.path.join(work, f"{i}-{len(times[mode])}-{hash(mode) & 0xffff}.db")
        env = dict(os.environ, SFN_DB=db)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(["script", "-qfec", line, "/dev/null"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        times[mode].append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[mode].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        os.remove(db)
for mode, t in times.items():
    print(f"{mode:38} median {statistics.median(t) * 1000:8.1f} ms  "
          f"(min {min(t) * 1000:.1f}, max {max(t) * 1000:.1f}, {len(t)} runs); "
          f"CPU median {statistics.median(cpu[mode]) * 1000:.1f} ms")
PY
