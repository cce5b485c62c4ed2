#!/usr/bin/env bash
# The console of `sfn serve` in headless Chromium and Firefox (run by .ci/run after the
# release build), each when it is installed (Debian's chromium and firefox-esr; .ci/run
# installs them when it can). Installs puppeteer-core from this folder's lockfile on first
# use. Screenshots go to target/console-screenshots/<browser>/.
set -euo pipefail
cd "$(dirname "$0")/../.."
export SFN_BIN=${SFN_BIN:-$PWD/target/release/sfn}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
FIREFOX=${FIREFOX:-/usr/bin/firefox-esr}
if [ ! -d tests/browser/node_modules/puppeteer-core ]; then
    (cd tests/browser && npm ci --no-audit --no-fund --silent)
fi
ran=0
for pair in "chromium:$CHROMIUM" "firefox:$FIREFOX"; do
    name=${pair%%:*} path=${pair#*:}
    if [ ! -x "$path" ]; then
        echo "tests/browser: skipped $name (none at $path)" >&2
        continue
    fi
    echo "tests/browser: $name ($path)"
    (cd tests/browser && BROWSER=$name BROWSER_PATH=$path node --test)
    ran=$((ran + 1))
done
if [ "$ran" = 0 ]; then
    echo "tests/browser: no browser to run in (install Debian's chromium or firefox-esr)" >&2
    exit 1
fi
