#!/usr/bin/env bash
# Cabildo's test command (`npm test`): type-check, then every test file with
# node's test runner through tsx. See docs/decisions/003-ci.md.
#
# Environment (all optional):
#   TEST_DATABASE_URL        postgres:// URL; integration tests also run on PostgreSQL
#   CABILDO_REQUIRE_ALL=1    a skipped part fails the run (handled by the test support
#                            code); here it also makes "no test files" an error
#   CABILDO_EXPECT_NODE_MAJOR=N  fail unless `node` on PATH is major version N
#   CABILDO_TEST_TIMEOUT=S   kill the test runner after S seconds (default: none)
#   CABILDO_TEST_SUMMARY=F   write "pass fail skipped todo cancelled" counts to file F
#   CABILDO_SKIP_TYPECHECK=1 skip `tsc --noEmit`
#   CABILDO_TEST_SCOPE=smoke  the Node 24 pass: unit and SQLite integration tests only (no
#                            type-check, no PostgreSQL, no browser), see docs/decisions/004
#   CABILDO_TEST_CONCURRENCY=N  test files run at once (default 3)
#   Extra arguments are passed to `node --test` (e.g. --test-name-pattern=login).
set -uo pipefail

cd "$(dirname "$0")/.."

say() { printf '\n=== %s ===\n' "$*"; }

node_version="$(node --version)"
say "node ${node_version} ($(command -v node)), $(uname -m)"
if [[ -n "${CABILDO_EXPECT_NODE_MAJOR:-}" ]]; then
  major="${node_version#v}"; major="${major%%.*}"
  if [[ "$major" != "$CABILDO_EXPECT_NODE_MAJOR" ]]; then
    echo "error: expected Node ${CABILDO_EXPECT_NODE_MAJOR}, but node on PATH is ${node_version}" >&2
    exit 1
  fi
fi
if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  echo "TEST_DATABASE_URL: ${TEST_DATABASE_URL} (integration tests also on PostgreSQL)"
else
  echo "TEST_DATABASE_URL: not set (PostgreSQL parts skipped)"
fi
echo "CABILDO_REQUIRE_ALL: ${CABILDO_REQUIRE_ALL:-0}"
scope="${CABILDO_TEST_SCOPE:-full}"
echo "scope: ${scope}"
if [[ "$scope" == "smoke" ]]; then
  export CABILDO_SKIP_TYPECHECK=1
fi

status=0

# --- 1. type-check ---------------------------------------------------------
typecheck="skipped"
if [[ "${CABILDO_SKIP_TYPECHECK:-0}" != "1" ]]; then
  say "type-check: tsc --noEmit"
  start=$SECONDS
  if npx --no -- tsc --noEmit; then
    typecheck="ok"
  else
    typecheck="FAILED"
    status=1
  fi
  echo "type-check ${typecheck} ($((SECONDS - start)) s)"
fi

# --- 2. tests --------------------------------------------------------------
# The longest files first (browser journeys, then the integration tests, then the modules' own), so
# that the last minutes of the run are not one long journey alone on one core.
mapfile -t files < <(
  { [[ -d src ]] && find src -type f \( -name '*.test.ts' -o -name '*.test.tsx' \)
    [[ -d tests ]] && find tests -type f \( -name '*.test.ts' -o -name '*.test.tsx' \)
  } 2>/dev/null | { if [[ "$scope" == "smoke" ]]; then grep -v '^tests/e2e/'; else cat; fi; } \
    | awk '{ print (/^tests\/e2e\// ? 0 : /^tests\// ? 1 : 2) "\t" $0 }' | LC_ALL=C sort | cut -f2-
)

if [[ ${#files[@]} -eq 0 ]]; then
  echo "no test files found under src/ or tests/"
  if [[ "${CABILDO_REQUIRE_ALL:-0}" == "1" ]]; then
    echo "error: CABILDO_REQUIRE_ALL=1 and there are no tests to run" >&2
    status=1
  fi
  [[ "$typecheck" == "FAILED" ]] && status=1
  echo "type-check: ${typecheck}"
  echo "tests: 0 passed, ${status} failed, 0 skipped"
  exit "$status"
fi

say "tests: ${#files[@]} files (node --test, tsx)"
log="$(mktemp "${TMPDIR:-/tmp}/cabildo-test.XXXXXX.log")"
times="$(mktemp "${TMPDIR:-/tmp}/cabildo-test-times.XXXXXX.jsonl")"
trap 'rm -f "$log" "$times"' EXIT
# The output goes through tee (for the counts below); keep colours on a terminal.
[[ -t 1 && -z "${NO_COLOR:-}" ]] && export FORCE_COLOR=1

runner=()
if [[ -n "${CABILDO_TEST_TIMEOUT:-}" ]]; then
  runner=(timeout --kill-after=30 "$CABILDO_TEST_TIMEOUT")
fi

start=$SECONDS
# --test-force-exit: a file that leaves a handle open (a pool, a server) must
# not hang the run until CI's time runs out. (On Node 20 it truncates reports
# written to a file by --test-reporter-destination, hence stdout + tee.)
# Files run side by side: each test has its own database (schema) and ports.
CABILDO_TEST_TIMES="$times" "${runner[@]}" node --import tsx --import ./scripts/file-time.mjs --test \
  --test-force-exit \
  --test-concurrency="${CABILDO_TEST_CONCURRENCY:-3}" \
  --test-reporter=spec --test-reporter-destination=stdout \
  "$@" "${files[@]}" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
elapsed=$((SECONDS - start))
if [[ $rc -eq 124 || $rc -eq 137 ]]; then
  echo "error: the test runner was stopped after CABILDO_TEST_TIMEOUT=${CABILDO_TEST_TIMEOUT}s" >&2
fi
[[ $rc -ne 0 ]] && status=1

# node's spec reporter closes with "ℹ tests N", "ℹ pass N", "ℹ fail N", ...
summary="$(sed -E 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ℹ (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) [0-9.]+$' | tail -n 8)"
count() { local v; v="$(grep -E "^ℹ $1 " <<<"$summary" | tail -n 1 | awk '{print $3}')"; echo "${v:-0}"; }
pass="$(count pass)"; fail="$(count fail)"; skipped="$(count skipped)"
todo="$(count todo)"; cancelled="$(count cancelled)"
if [[ $rc -ne 0 && "$fail" == "0" && "$cancelled" == "0" ]]; then
  fail=1   # the runner failed without a counted test failure (crash, timeout)
fi
[[ "$typecheck" == "FAILED" ]] && fail=$((fail + 1))   # the closing line counts it
if [[ -n "${CABILDO_TEST_SUMMARY:-}" ]]; then
  echo "$pass $fail $skipped $todo $cancelled" > "$CABILDO_TEST_SUMMARY"
fi

say "slowest test files"
node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  for (const { file, ms } of lines.sort((a, b) => b.ms - a.ms).slice(0, 10)) console.log(`${(ms / 1000).toFixed(1).padStart(7)} s  ${file}`);
' "$times" 2>/dev/null || echo "(no times recorded)"

say "summary (node ${node_version}, ${elapsed} s)"
if [[ "$typecheck" == "FAILED" ]]; then
  echo "type-check: FAILED (counted as 1 failed below)"
else
  echo "type-check: ${typecheck}"
fi
echo "test files: ${#files[@]}; cancelled: ${cancelled}; todo: ${todo}; runner exit code: ${rc}"
echo "$summary"
echo "tests: ${pass} passed, $((fail + cancelled)) failed, ${skipped} skipped"
exit "$status"
