#!/bin/sh
# Runs every cargo-fuzz target (or those named) for N minutes each, one at a time, at low
# priority. Not part of CI.
#
#   fuzz/run.sh [-m MINUTES] [-j JOBS] [TARGET...]
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). Corpora grow in
# fuzz/corpus/<target> (seeded from fuzz/seeds/<target>), crashes land in
# fuzz/artifacts/<target>, and each run's libFuzzer log in fuzz/logs/<target>.log; the last
# "stat::" lines of a log give its executions. -j runs that many targets at once.
# fuzz/dicts/<target>.dict (keywords of the language) is used when present.
set -eu
minutes=10
jobs=1
while getopts m:j: opt; do
    case $opt in
        m) minutes=$OPTARG ;;
        j) jobs=$OPTARG ;;
        *) echo "usage: $0 [-m MINUTES] [-j JOBS] [TARGET...]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
cd "$(dirname "$0")"
[ $# -gt 0 ] || set -- $(cargo +nightly fuzz list)
# No sanitizer: the library is safe Rust; debug assertions catch overflows.
flags="-s none -a"
nice -n 19 cargo +nightly fuzz build $flags
mkdir -p logs
seconds=$((minutes * 60))
run() {
    target=$1
    mkdir -p "corpus/$target"
    seeds=""
    [ -d "seeds/$target" ] && seeds="seeds/$target"
    dict=""
    [ -f "dicts/$target.dict" ] && dict="-dict=dicts/$target.dict"
    echo "$target: ${minutes} min, log in fuzz/logs/$target.log"
    # -timeout: a single input running longer than 10 s is a hang; -rss_limit_mb: an OOM.
    nice -n 19 cargo +nightly fuzz run $flags "$target" "corpus/$target" $seeds -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
        -print_final_stats=1 $dict >"logs/$target.log" 2>&1 || true
    grep -E "stat::number_of_executed_units|stat::new_units_added" "logs/$target.log" |
        sed "s/^/  $target /"
    ls "artifacts/$target" 2>/dev/null | sed "s/^/  $target artifact: /" || true
}
running=0
for target in "$@"; do
    run "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait
        running=0
    fi
done
wait
