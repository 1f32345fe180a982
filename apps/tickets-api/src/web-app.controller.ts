import fs from "node:fs";
import path from "node:path";
import { Controller, Get, Req, Res } from "@nestjs/common";
import { Access, AppError } from "@uslimato/server-core";
import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * Where the built single-page app lives (served by the api for the one-machine start): the Angular
 * build (`npm run build:web`) unless WEB_DIST says otherwise.
 */
export const WEB_DIST = path.resolve(
  process.env.WEB_DIST ?? path.join(process.cwd(), "dist/apps/web/browser"),
);

export function webAppBuilt(): boolean {
  return fs.existsSync(path.join(WEB_DIST, "index.html"));
}

/**
 * Every GET that is not an API route nor a file of the built app is a page of the single-page app
 * (deep links), which shows its own "Not found" for unknown ones. API paths, and file names the build
 * does not have, stay JSON 404s.
 */
@Controller()
@Access({ kind: "public" })
export class WebAppController {
  private readonly built = webAppBuilt();

  @Get("*")
  page(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const url = request.url;
    const pathname = url.split("?")[0] ?? url;
    // A file the build does not have (a chunk of an older build asked for by a page still open) is a
    // 404, not the app's index.html: HTML in place of a script only fails later, and less clearly.
    const missingFile = /\/[^/]*\.[a-z0-9]{1,8}$/i.test(pathname);
    if (url.startsWith("/api/") || url.startsWith("/public/") || missingFile || !this.built) {
      throw new AppError("not_found", `There is no ${request.method} ${pathname}.`);
    }
    return reply.type("text/html").sendFile("index.html");
  }
}
