import { angularPreset } from "../../../jest.preset-angular.mjs";

export default {
  ...angularPreset,
  displayName: "web-data-access",
  rootDir: import.meta.dirname,
  testMatch: ["<rootDir>/src/**/*.spec.ts"],
};
