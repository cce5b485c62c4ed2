#!/usr/bin/env bash
# Real clients against `sfn serve` (run by .ci/run after the release build): the boto3
# suite, the AWS SDK for JavaScript v3 suite and the aws CLI. Installs the clients on
# first use (a venv under target/ci-venv, node_modules from tests/sdk/js's lockfile);
# later runs find them and start at once.
set -euo pipefail
cd "$(dirname "$0")/../.."
export SFN_BIN=${SFN_BIN:-$PWD/target/release/sfn}
venv=target/ci-venv
if ! "$venv/bin/python" -c 'import boto3, pytest' 2>/dev/null || [ ! -x "$venv/bin/aws" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check awscli boto3 pytest
fi
if [ ! -d tests/sdk/js/node_modules/@aws-sdk/client-sfn ]; then
    (cd tests/sdk/js && npm ci --no-audit --no-fund --silent)
fi
(cd tests/sdk/python && "../../../$venv/bin/python" -m pytest -q -p no:cacheprovider)
(cd tests/sdk/js && node --test)
tests/sdk/awscli.sh "$SFN_BIN" "$venv/bin/aws"
