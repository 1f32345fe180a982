#!/usr/bin/env node
// The operator CLI (`npx uslimato …`). Node.js 22.18+ runs the TypeScript sources directly.
import "../server/src/cli/main.ts";
