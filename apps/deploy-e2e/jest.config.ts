import { preset } from "../../jest.preset.mjs";

// The container deployment test: builds the images in docker/ and runs api × 2 + worker × 2 on the
// machine's PostgreSQL and Redis. Needs a Docker engine (`npm run test:containers` starts one here).
export default {
  ...preset,
  displayName: "deploy-e2e",
  rootDir: import.meta.dirname,
  testMatch: ["<rootDir>/src/**/*.spec.ts"],
};
