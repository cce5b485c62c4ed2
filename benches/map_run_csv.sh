#!/usr/bin/env bash
# A distributed Map over a 100,000-line CSV read with ItemReader (SFN_S3_ROOT), in batches
# of 100 (1,000 Standard child executions, each with its own history), then the same
# file with 10x the rows to show that memory does not grow with the item count beyond
# the results. Prints the median wall time of `start-execution` and its peak RSS.
#
#     benches/map_run_csv.sh [path/to/sfn] [runs]   (default: target/release/sfn, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
sfn=${1:-target/release/sfn}
runs=${2:-5}
[ -x "$sfn" ] || cargo build --release
sfn=$(realpath "$sfn")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SFN_S3_ROOT="$work/s3"
mkdir -p "$SFN_S3_ROOT/bench"
role=arn:aws:iam::123456789012:role/sfn
python3 - "$SFN_S3_ROOT/bench" <<'PY'
import sys
for name, n in (("rows.csv", 100_000), ("rows10x.csv", 1_000_000)):
    with open(f"{sys.argv[1]}/{name}", "w") as f:
        f.write("id,name,amount\n")
        for i in range(n):
            f.write(f"{i},customer-{i},{i % 977}.{i % 100:02d}\n")
PY

definition() {
    cat <<JSON
{"StartAt": "Each", "States": {"Each": {"Type": "Map", "Label": "rows",
  "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                 "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"},
                 "Parameters": {"Bucket": "bench", "Key": "$1"}},
  "ItemBatcher": {"MaxItemsPerBatch": $2},
  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "Count", "States": {"Count": {"Type": "Pass",
                      "Parameters": {"n.\$": "States.ArrayLength(\$.Items)"}, "End": true}}},
  "ResultSelector": {"batches.\$": "States.ArrayLength(\$)"},
  "End": true}}}
JSON
}

measure() { # key batch label
    export SFN_DB="$work/$3.db"
    rm -f "$SFN_DB"*
    local arn
    arn=$("$sfn" create-state-machine --name "$3" --definition "$(definition "$1" "$2")" \
        --role-arn "$role" --query stateMachineArn --output text)
    python3 - "$sfn" "$arn" "$runs" "$3" <<'PY'
import json, re, statistics, subprocess, sys, time
sfn, arn, runs, label = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
times, peaks = [], []
for i in range(runs):
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", sfn, "start-execution", "--state-machine-arn", arn,
                        "--name", f"run-{i}"], capture_output=True, text=True, check=True)
    times.append(time.perf_counter() - t)
    peaks.append(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)))
    e = json.loads(p.stdout)["executionArn"]
    d = json.loads(subprocess.run([sfn, "describe-execution", "--execution-arn", e],
                                  capture_output=True, text=True, check=True).stdout)
    assert d["status"] == "SUCCEEDED", d
print(f"{label:13} output {d['output']}  median {statistics.median(times):.2f} s "
      f"(min {min(times):.2f}, max {max(times):.2f}, {runs} runs)  peak RSS {max(peaks) / 1024:.1f} MiB")
PY
}

measure rows.csv 100 "csv100k-b100"
measure rows10x.csv 1000 "csv1m-b1000"
