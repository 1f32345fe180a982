import { preset } from "../../../jest.preset.mjs";

export default {
  ...preset,
  displayName: "server-notifications",
  rootDir: import.meta.dirname,
  testMatch: ["<rootDir>/src/**/*.spec.ts"],
};
