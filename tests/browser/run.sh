#!/usr/bin/env bash
# The console of `sfn serve` in headless Chromium (run by .ci/run after the release build).
# Needs Debian's chromium (.ci/run installs it when it can); installs playwright-core from
# this folder's lockfile on first use. Screenshots go to target/console-screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
export SFN_BIN=${SFN_BIN:-$PWD/target/release/sfn}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
    echo "tests/browser: no Chromium at $CHROMIUM (install Debian's chromium)" >&2
    exit 1
fi
if [ ! -d tests/browser/node_modules/playwright-core ]; then
    (cd tests/browser && npm ci --no-audit --no-fund --silent)
fi
(cd tests/browser && node --test)
