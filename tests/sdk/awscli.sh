#!/usr/bin/env bash
# The aws CLI with --endpoint-url against `sfn serve`: create-state-machine,
# start-execution, describe-execution (until the execution ends), get-execution-history.
# Usage: tests/sdk/awscli.sh SFN_BINARY AWS_BINARY
set -euo pipefail
sfn=$1 aws=$2
dir=$(mktemp -d)
server=
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$dir"
}
trap cleanup EXIT
SFN_DB=$dir/sfn.db "$sfn" serve --port 0 --quiet >"$dir/out" 2>"$dir/err" &
server=$!
for _ in $(seq 200); do grep -q '^endpoint_url=' "$dir/out" 2>/dev/null && break; sleep 0.05; done
url=$(sed -n 's/^endpoint_url=//p' "$dir/out")
[ -n "$url" ] || { echo "awscli: sfn serve did not start: $(cat "$dir/err")"; exit 1; }
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1
# ISO 8601 timestamps: the CLI shows them so only when it read them as timestamps.
printf '[default]\ncli_timestamp_format = iso8601\n' >"$dir/config"
export AWS_CONFIG_FILE=$dir/config
sf() { "$aws" stepfunctions --endpoint-url "$url" --output json "$@"; }

cat >"$dir/def.json" <<'JSON'
{"StartAt": "Greet", "States": {
  "Greet": {"Type": "Pass", "Parameters": {"greeting.$": "States.Format('Hello, {}!', $.name)"}, "Next": "Done"},
  "Done": {"Type": "Succeed"}}}
JSON
passed=0 failed=0
check() { # name, condition result (0 = ok)
    if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "ok: $1"; else failed=$((failed + 1)); echo "FAILED: $1"; fi
}
sm=$(sf create-state-machine --name hello --definition "file://$dir/def.json" \
    --role-arn arn:aws:iam::123456789012:role/sfn --query stateMachineArn --output text)
[ "$sm" = "arn:aws:states:us-east-1:123456789012:stateMachine:hello" ]; check create-state-machine $?
ex=$(sf start-execution --state-machine-arn "$sm" --input '{"name": "sfn"}' --query executionArn --output text)
case $ex in arn:aws:states:us-east-1:123456789012:execution:hello:*) r=0 ;; *) r=1 ;; esac
check start-execution $r
status=RUNNING
for _ in $(seq 300); do
    status=$(sf describe-execution --execution-arn "$ex" --query status --output text)
    [ "$status" != RUNNING ] && break
    sleep 0.05
done
[ "$status" = SUCCEEDED ]; check "describe-execution ($status)" $?
output=$(sf describe-execution --execution-arn "$ex" --query output --output text)
[ "$output" = '{"greeting":"Hello, sfn!"}' ]; check "describe-execution output $output" $?
start=$(sf describe-execution --execution-arn "$ex" --query startDate --output text)
case $start in 20*T*) r=0 ;; *) r=1 ;; esac
check "timestamps parse ($start)" $r
types=$(sf get-execution-history --execution-arn "$ex" --query 'events[].type' --output text)
[ "$types" = "$(printf 'ExecutionStarted\tPassStateEntered\tPassStateExited\tSucceedStateEntered\tSucceedStateExited\tExecutionSucceeded')" ]
check "get-execution-history ($types)" $?
# start-sync-execution: the CLI (v1) puts the model's sync- prefix before the
# --endpoint-url host too, so it goes to sync-127.0.0.1 (see the README).
quick=$(sf create-state-machine --name quick --type EXPRESS --definition "file://$dir/def.json" \
    --role-arn arn:aws:iam::123456789012:role/sfn --query stateMachineArn --output text)
if sf start-sync-execution --state-machine-arn "$quick" 2>"$dir/err3" >/dev/null; then r=1; else
    grep -q "sync-127.0.0.1" "$dir/err3"; r=$?
fi
check "start-sync-execution goes to sync-<host>" $r
if sf describe-execution --execution-arn "${ex}x" 2>"$dir/err2"; then r=1; else
    grep -q 'ExecutionDoesNotExist' "$dir/err2"; r=$?
fi
check "errors by code" $r
echo "awscli: $passed passed, $failed failed"
[ "$failed" = 0 ]
