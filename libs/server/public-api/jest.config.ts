import { preset } from "../../../jest.preset.mjs";

export default {
  ...preset,
  displayName: "server-public-api",
  rootDir: import.meta.dirname,
  testMatch: ["<rootDir>/src/**/*.spec.ts"],
};
