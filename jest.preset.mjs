// Shared by every project's jest.config.ts: ESM + swc (see swc.config.mjs), node environment.
// In tests swc keeps the `.ts` suffixes (jest resolves the sources themselves) and the workspace
// aliases map to the libraries' sources.
import fs from "node:fs";
import path from "node:path";
import { swcOptions } from "./swc.config.mjs";

const root = path.dirname(new URL(import.meta.url).pathname);
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, "tsconfig.base.json"), "utf8"));
const base = swcOptions();

export const preset = {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        ...base,
        swcrc: false,
        jsc: { ...base.jsc, paths: undefined, baseUrl: undefined, rewriteRelativeImportExtensions: false },
      },
    ],
  },
  moduleFileExtensions: ["ts", "js", "mjs", "json"],
  moduleNameMapper: Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
      `^${alias.replace("/*", "/(.*)")}$`,
      path.join(root, target.replace("*", "$1").replace(/^\.\//, "")),
    ]),
  ),
};
