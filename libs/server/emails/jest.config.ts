import { preset } from "../../../jest.preset.mjs";

export default {
  ...preset,
  displayName: "server-emails",
  rootDir: import.meta.dirname,
  testMatch: ["<rootDir>/src/**/*.spec.ts"],
};
