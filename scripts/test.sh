#!/usr/bin/env bash
# Every test: static checks, then the whole suite on the embedded database AND on PostgreSQL
# (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), browser tests included.
# Ends with one line: "tests: N passed, N failed, N skipped".
set -u
cd "$(dirname "$0")/.."
results="$(mktemp -d)"
status=0
export NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning ${NODE_OPTIONS:-}"
jest() { node node_modules/jest/bin/jest.js "$@"; }

echo "== npm run check"
if ! npm run --silent check; then echo "check failed"; status=1; fi

echo "== build the web app and the server (browser and process tests use them)"
npm run --silent build >"$results/build.log" 2>&1 || { cat "$results/build.log"; status=1; }

# Pure unit tests (libs, *.spec.ts beside the code) need no database: once.
echo "== unit tests (jest)"
jest --ignoreProjects tickets-api web-e2e notification-worker server-queue deploy-e2e --passWithNoTests \
  --json --outputFile="$results/jest-unit.json" || status=1

for db in ${TEST_DBS:-embedded postgres}; do
  echo "== integration and browser tests (jest) on the $db database"
  TEST_DB=$db jest --selectProjects tickets-api web-e2e notification-worker server-queue --runInBand \
    --json --outputFile="$results/jest-$db.json" || status=1
done

# The container deployment (docker/): when a Docker engine answers (CI starts one, see .ci/run).
if docker info >/dev/null 2>&1; then
  echo "== container deployment test (docker/)"
  bash scripts/test-containers.sh --json --outputFile="$results/jest-containers.json" || status=1
else
  echo "== container deployment test skipped: no Docker engine (npm run test:containers starts one)"
fi

passed=0 failed=0 skipped=0
for json in "$results"/jest-*.json; do
  [ -f "$json" ] || continue
  read -r p f s < <(node -e 'const r=require(process.argv[1]);
    const broken=r.testResults.filter(t=>t.status==="failed"&&t.assertionResults.length===0).length;
    console.log(r.numPassedTests, r.numFailedTests+broken, r.numPendingTests+r.numTodoTests)' "$json")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1 # a failed check or build counts as a failure
rm -rf "$results"
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
