// ESLint runs for one thing Biome cannot do: Nx's module boundaries. Biome formats and lints the rest.
import nx from "@nx/eslint-plugin";
import tseslint from "typescript-eslint";

export default [
  {
    ignores: [
      "**/dist",
      "**/node_modules",
      ".nx",
      "data",
      "server",
      "e2e",
      "bench",
      "bin",
      "**/jest.config.ts",
    ],
  },
  {
    files: ["**/*.ts"],
    languageOptions: { parser: tseslint.parser },
    plugins: { "@nx": nx },
    rules: {
      "@nx/enforce-module-boundaries": [
        "error",
        {
          enforceBuildableLibDependency: true,
          allowCircularSelfDependency: false,
          banTransitiveDependencies: true,
          depConstraints: [
            // What a kind of project may import (type:) …
            {
              sourceTag: "type:e2e",
              onlyDependOnLibsWithTags: ["type:feature", "type:data-access", "type:util", "type:domain"],
            },
            {
              sourceTag: "type:app",
              onlyDependOnLibsWithTags: [
                "type:feature",
                "type:data-access",
                "type:util",
                "type:domain",
                "type:ui",
              ],
            },
            {
              sourceTag: "type:feature",
              onlyDependOnLibsWithTags: [
                "type:feature",
                "type:data-access",
                "type:util",
                "type:domain",
                "type:ui",
              ],
            },
            {
              sourceTag: "type:data-access",
              onlyDependOnLibsWithTags: ["type:data-access", "type:util", "type:domain"],
            },
            { sourceTag: "type:ui", onlyDependOnLibsWithTags: ["type:ui", "type:util", "type:domain"] },
            { sourceTag: "type:util", onlyDependOnLibsWithTags: ["type:util", "type:domain"] },
            { sourceTag: "type:domain", onlyDependOnLibsWithTags: ["type:domain"] },
            // … and which side it may reach (scope:): the server never imports web code and back.
            { sourceTag: "scope:api", onlyDependOnLibsWithTags: ["scope:api", "scope:shared"] },
            {
              sourceTag: "scope:worker",
              onlyDependOnLibsWithTags: ["scope:worker", "scope:api", "scope:shared"],
            },
            { sourceTag: "scope:web", onlyDependOnLibsWithTags: ["scope:web", "scope:shared"] },
            { sourceTag: "scope:shared", onlyDependOnLibsWithTags: ["scope:shared"] },
            // Browser tests set their data up through the server's services and drive the web app.
            { sourceTag: "scope:e2e", onlyDependOnLibsWithTags: ["scope:api", "scope:web", "scope:shared"] },
          ],
        },
      ],
    },
  },
];
