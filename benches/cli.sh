#!/usr/bin/env bash
# Wall time of `sfn list-state-machines` on a store with 1,000 state machines and of
# `sfn describe-state-machine`, in a release build. Uses hyperfine when installed, else a
# loop of timed runs; prints medians in milliseconds.
#
#     benches/cli.sh [path/to/sfn]    (default: target/release/sfn, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
sfn=${1:-target/release/sfn}
[ -x "$sfn" ] || cargo build --release
sfn=$(realpath "$sfn")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SFN_DB="$work/bench.db"
role=arn:aws:iam::123456789012:role/sfn
definition='{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}'

echo "seeding 1000 state machines..."
for i in $(seq -w 1 1000); do
    "$sfn" --quiet create-state-machine --name "machine-$i" --definition "$definition" --role-arn "$role"
done
arn=arn:aws:states:us-east-1:123456789012:stateMachine:machine-0500
list=("$sfn" list-state-machines)
describe=("$sfn" describe-state-machine --state-machine-arn "$arn")
count=$("${list[@]}" --query 'length(stateMachines)' --output text)
[ "$count" = 1000 ] || { echo "expected 1000 state machines, got $count" >&2; exit 1; }

if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 5 --runs 50 --export-json "$work/h.json" \
        "${list[*]}" "${describe[*]}" >/dev/null
    python3 - "$work/h.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    name = " ".join(r["command"].split()[1:2])
    print(f"{name:24} median {r['median'] * 1000:7.2f} ms  (min {r['min'] * 1000:.2f}, max {r['max'] * 1000:.2f}, {len(r['times'])} runs)")
PY
else
    python3 - "$sfn" "$arn" <<'PY'
import statistics, subprocess, sys, time
sfn, arn = sys.argv[1], sys.argv[2]
for name, cmd in [("list-state-machines", [sfn, "list-state-machines"]),
                  ("describe-state-machine", [sfn, "describe-state-machine", "--state-machine-arn", arn])]:
    for _ in range(5):
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    times = []
    for _ in range(50):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    print(f"{name:24} median {statistics.median(times) * 1000:7.2f} ms  (min {min(times) * 1000:.2f}, max {max(times) * 1000:.2f}, 50 runs)")
PY
fi
