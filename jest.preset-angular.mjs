// Shared by every Angular project's jest.config.ts (apps/web, libs/web/*): jest-preset-angular 17 in
// ESM mode (the suite runs with --experimental-vm-modules; Angular's .mjs packages load as they are),
// jsdom, zoneless TestBed (see jest.preset-angular.setup.mjs).
// The workspace aliases map to the libraries' sources, as in jest.preset.mjs.
import fs from "node:fs";
import path from "node:path";
import presets from "jest-preset-angular/presets/index.js";

const root = path.dirname(new URL(import.meta.url).pathname);
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, "tsconfig.base.json"), "utf8"));

const base = presets.createEsmPreset({ tsconfig: path.join(root, "apps/web/tsconfig.spec.json") });

export const angularPreset = {
  ...base,
  // jest-preset-angular ships its own jsdom environment (jest-environment-jsdom is not installed).
  testEnvironment: "jest-preset-angular/environments/jest-jsdom-env",
  setupFilesAfterEnv: [path.join(root, "jest.preset-angular.setup.mjs")],
  moduleFileExtensions: ["ts", "html", "js", "mjs", "json"],
  moduleNameMapper: {
    ...base.moduleNameMapper,
    ...Object.fromEntries(
      Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
        `^${alias}$`,
        path.join(root, target.replace(/^\.\//, "")),
      ]),
    ),
  },
};
