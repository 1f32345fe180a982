// Test support shared by the tickets-api's integration tests and the browser tests (apps/web-e2e): a fresh
// test database of either kind, the built server and CLI as child processes, the test password, an SMTP
// sink. Tests only.
export * from "./fixtures.ts";
export * from "./processes.ts";
export * from "./smtp-sink.ts";
export * from "./test-database.ts";
