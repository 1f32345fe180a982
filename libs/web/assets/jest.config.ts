import { angularPreset } from "../../../jest.preset-angular.mjs";

export default {
  ...angularPreset,
  displayName: "web-assets",
  rootDir: import.meta.dirname,
  testMatch: ["<rootDir>/src/**/*.spec.ts"],
};
