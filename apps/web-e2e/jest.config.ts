import { preset } from "../../jest.preset.mjs";

// Browser tests: the built Angular app (dist/apps/web/browser) served by the built tickets-api (dist/server), driven in
// Debian's Chromium. Build first (`npm run build`).
export default {
  ...preset,
  displayName: "web-e2e",
  rootDir: import.meta.dirname,
  testMatch: ["<rootDir>/src/**/*.spec.ts"],
};
