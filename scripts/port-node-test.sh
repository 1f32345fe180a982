#!/usr/bin/env bash
# One-off helper for the move to jest: rewrite a node:test file's imports and hooks to jest's.
# Usage: scripts/port-node-test.sh <from.test.ts> <to.spec.ts>
set -eu
mkdir -p "$(dirname "$2")"
sed -E \
  -e 's#^import \{([^}]*)\} from "node:test";#import {\1} from "@jest/globals";#' \
  -e '/from "@jest\/globals"/ { s/\bbefore\b/beforeAll/g; s/\bafter\b/afterAll/g; }' \
  -e 's/^(\s*)before\(/\1beforeAll(/' -e 's/^(\s*)after\(/\1afterAll(/' \
  "$1" > "$2"
