#!/usr/bin/env bash
# Tasks that call AWS services, against a real moto_server (run by .ci/run after the
# release build): a local DynamoDB, SNS, SQS and EventBridge on a free loopback port, the
# workflows in test_moto.py driving `sfn` at it, boto3 checking what they wrote. Installs
# moto's server into the boto3 venv (target/ci-venv) on first use.
set -euo pipefail
cd "$(dirname "$0")/../.."
export SFN_BIN=${SFN_BIN:-$PWD/target/release/sfn}
venv=target/ci-venv
if ! "$venv/bin/python" -c 'import boto3, pytest, moto, flask' 2>/dev/null || [ ! -x "$venv/bin/moto_server" ]; then
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check boto3 pytest 'moto[server]'
fi
port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
"$venv/bin/moto_server" -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
moto_pid=$!
trap 'kill "$moto_pid" 2>/dev/null || true; wait "$moto_pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
    if "$venv/bin/python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/moto-api/', timeout=1)" 2>/dev/null; then
        break
    fi
    if ! kill -0 "$moto_pid" 2>/dev/null; then
        echo "moto_server did not start:" >&2
        cat "$log" >&2
        exit 1
    fi
    sleep 0.2
done
export MOTO_URL="http://127.0.0.1:$port"
(cd tests/services && "../../$venv/bin/python" -m pytest -q -p no:cacheprovider)
