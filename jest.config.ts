// Every project's tests: `npx jest` (npm test runs them through scripts/test.sh, on both databases).
export default {
  projects: [
    "<rootDir>/libs/domain",
    "<rootDir>/libs/server/core",
    "<rootDir>/libs/server/data",
    "<rootDir>/libs/server/access",
    "<rootDir>/libs/server/licensing",
    "<rootDir>/libs/server/tenants",
    "<rootDir>/libs/server/operator",
    "<rootDir>/libs/server/tickets",
    "<rootDir>/libs/server/public-api",
    "<rootDir>/libs/server/testing",
    "<rootDir>/apps/tickets-api",
    "<rootDir>/apps/web-e2e",
  ],
};
