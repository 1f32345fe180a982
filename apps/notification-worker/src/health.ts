import http from "node:http";
import type { DataSource } from "typeorm";

/**
 * The container probe (no public HTTP otherwise): GET /healthz answers while the process lives,
 * GET /readyz while the worker runs and the database answers.
 */
export function startHealthServer(
  port: number,
  state: { running(): boolean; dataSource: DataSource },
): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: object) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "GET") return reply(405, { status: "method not allowed" });
    if (req.url === "/healthz") return reply(200, { status: "ok" });
    if (req.url === "/readyz") {
      if (!state.running()) return reply(503, { status: "stopped" });
      state.dataSource
        .query("select 1")
        .then(() => reply(200, { status: "ready" }))
        .catch(() => reply(503, { status: "database unavailable" }));
      return;
    }
    reply(404, { status: "not found" });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "0.0.0.0", () => resolve(server));
  });
}
