#!/usr/bin/env bash
# Every test: static checks, then the whole suite on the embedded database AND on PostgreSQL
# (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), browser tests included.
# Ends with one line: "tests: N passed, N failed, N skipped".
set -u
cd "$(dirname "$0")/.."
results="$(mktemp -d)"
status=0

echo "== npm run check"
if ! npm run --silent check; then echo "check failed"; status=1; fi

echo "== build the web app (browser tests use it)"
npm run --silent build >"$results/build.log" 2>&1 || { cat "$results/build.log"; status=1; }

files=$(find server e2e -name "*.test.ts" 2>/dev/null | sort)
for db in ${TEST_DBS:-embedded postgres}; do
  echo "== test suite on the $db database"
  TEST_DB=$db node --test --test-concurrency="${TEST_CONCURRENCY:-2}" --test-timeout=300000 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$results/$db.tap" $files || status=1
done

passed=0 failed=0 skipped=0
for tap in "$results"/*.tap; do
  [ -f "$tap" ] || continue
  p=$(grep -E '^# pass ' "$tap" | tail -1 | awk '{print $3}')
  f=$(grep -E '^# fail ' "$tap" | tail -1 | awk '{print $3}')
  c=$(grep -E '^# cancelled ' "$tap" | tail -1 | awk '{print $3}')
  s=$(grep -E '^# skipped ' "$tap" | tail -1 | awk '{print $3}')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${c:-0})); skipped=$((skipped + ${s:-0}))
done
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1 # a failed check or build counts as a failure
rm -rf "$results"
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
