import { preset } from "../../jest.preset.mjs";

export default {
  ...preset,
  displayName: "notification-worker",
  rootDir: import.meta.dirname,
  testMatch: ["<rootDir>/src/**/*.spec.ts", "<rootDir>/test/**/*.spec.ts"],
};
