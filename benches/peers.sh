#!/bin/sh
# Installs the peer ASL interpreters that benches/peers.py runs side by side with sfn:
# aws-local-stepfunctions 3.x and @wmfs/statebox 1.118.x, from the npm registry, into
# target/peers (never into the repository). Needs node and npm.
#
#     sh benches/peers.sh [DIR]      # default DIR: target/peers
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/target/peers}
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || printf '{"name":"sfn-bench-peers","private":true}\n' > package.json
npm install --no-audit --no-fund --loglevel=error \
    'aws-local-stepfunctions@3' '@wmfs/statebox@~1.118.0'
node -e 'for (const p of ["aws-local-stepfunctions", "@wmfs/statebox"]) {
  console.log(p, require(require("path").join(process.cwd(), "node_modules", p, "package.json")).version) }'
