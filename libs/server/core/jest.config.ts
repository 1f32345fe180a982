import { preset } from "../../../jest.preset.mjs";

export default {
  ...preset,
  displayName: "server-core",
  rootDir: import.meta.dirname,
  testMatch: ["<rootDir>/src/**/*.spec.ts"],
};
