// One swc configuration for the server build (scripts/build-server.mjs) and for jest (@swc/jest), so
// the code that runs in tests is compiled exactly as the code that runs in production.
// Why swc: Nest and TypeORM need decorator metadata (emitDecoratorMetadata), which node's type
// stripping and esbuild do not produce. Sources import with `.ts` suffixes (as node and the IDE
// resolve them); swc rewrites those to `.js`, and the workspace aliases (tsconfig.base.json `paths`)
// to relative paths, so the output runs as plain ESM without a loader or a bundler.
import fs from "node:fs";
import path from "node:path";

const root = path.dirname(new URL(import.meta.url).pathname);

export function swcOptions() {
  const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, "tsconfig.base.json"), "utf8"));
  return {
    $schema: "https://swc.rs/schema.json",
    jsc: {
      parser: { syntax: "typescript", decorators: true },
      target: "es2023",
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      baseUrl: root,
      paths: compilerOptions.paths,
      rewriteRelativeImportExtensions: true,
    },
    module: { type: "es6", resolveFully: true },
    sourceMaps: true,
  };
}
