// Older name for the server-process helpers; one implementation lives in processes.ts.
export { freePort, type ServerProcess, startServer as startServerProcess } from "./processes.ts";
