// The child-process helpers live in @uslimato/server-testing (the browser tests use them too).
export {
  CLI_ENTRY,
  type CliResult,
  freePort,
  HttpClient,
  type ProcessResult,
  ROOT,
  runCli,
  runNode,
  SERVER_ENTRY,
  type ServerProcess,
  startServer,
} from "@uslimato/server-testing";
