// The test database lives in @uslimato/server-testing (the browser tests use it too).
export { openTestDatabase, snapshot, TEST_DB, type TestDatabase } from "@uslimato/server-testing";
