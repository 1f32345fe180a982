#!/usr/bin/env node
// The operator CLI (`npx uslimato …`): apps/cli, compiled to dist/server by `npm run build` (and
// `npm start`). Compiled here first when the build is missing (a fresh clone after `npm install`).
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const entry = path.join(root, "dist/server/apps/cli/src/main.js");
if (!fs.existsSync(entry)) {
  const log = console.log;
  console.log = () => {}; // the build's own line would mix into the command's output
  await import("../scripts/build-server.mjs");
  console.log = log;
}
await import(entry);
