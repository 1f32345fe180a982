// Compile the server side (apps and libs, no tests) to dist/server with swc (see swc.config.mjs):
// one ESM file per source file, workspace aliases rewritten to relative paths. Run by `nx build
// tickets-api` and `npm start`.
import fs from "node:fs";
import path from "node:path";
import { transformFile } from "@swc/core";
import { swcOptions } from "../swc.config.mjs";

const root = path.resolve(import.meta.dirname, "..");
const target = path.join(root, "dist/server");
// Built beside the old output and swapped in at the end, so a process running from dist/server (a test
// server, the CLI) never sees a half-written tree.
const out = `${target}.next-${process.pid}`;
const sources = [
  "apps/tickets-api/src",
  "apps/notification-worker/src",
  "apps/cli/src",
  "libs/domain/src",
  "libs/server",
];
const options = swcOptions();

function* files(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (
      entry.name.endsWith(".ts") &&
      !entry.name.endsWith(".spec.ts") &&
      !full.includes(`${path.sep}test${path.sep}`) &&
      !full.includes(path.join("libs", "server", "testing")) // test support, not shipped
    )
      yield full;
  }
}

fs.rmSync(out, { recursive: true, force: true });
const jobs = sources
  .flatMap((dir) => [...files(path.join(root, dir))])
  .map(async (file) => {
    const dest = path.join(out, path.relative(root, file)).replace(/\.ts$/, ".js");
    const { code, map } = await transformFile(file, {
      ...options,
      filename: file,
      swcrc: false,
      outputPath: dest,
    });
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, `${code}\n//# sourceMappingURL=${path.basename(dest)}.map\n`);
    if (map) fs.writeFileSync(`${dest}.map`, map);
  });
await Promise.all(jobs);
fs.writeFileSync(path.join(out, "package.json"), '{ "type": "module" }\n');
const old = `${target}.old-${process.pid}`;
if (fs.existsSync(target)) fs.renameSync(target, old);
fs.renameSync(out, target);
fs.rmSync(old, { recursive: true, force: true });
console.log(`built ${jobs.length} files into ${path.relative(root, target)}`);
