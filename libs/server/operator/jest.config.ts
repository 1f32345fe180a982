import { preset } from "../../../jest.preset.mjs";

export default {
  ...preset,
  displayName: "server-operator",
  rootDir: import.meta.dirname,
  testMatch: ["<rootDir>/src/**/*.spec.ts"],
};
