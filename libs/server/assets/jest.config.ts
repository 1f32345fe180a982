import { preset } from "../../../jest.preset.mjs";

export default {
  ...preset,
  displayName: "server-assets",
  rootDir: import.meta.dirname,
  testMatch: ["<rootDir>/src/**/*.spec.ts"],
};
