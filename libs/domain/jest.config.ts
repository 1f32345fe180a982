import { preset } from "../../jest.preset.mjs";

export default {
  ...preset,
  displayName: "domain",
  rootDir: import.meta.dirname,
  testMatch: ["<rootDir>/src/**/*.spec.ts"],
};
