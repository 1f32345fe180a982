import { preset } from "../../jest.preset.mjs";

export default {
  ...preset,
  displayName: "tickets-api",
  rootDir: import.meta.dirname,
  testMatch: ["<rootDir>/src/**/*.spec.ts", "<rootDir>/test/**/*.spec.ts"],
};
