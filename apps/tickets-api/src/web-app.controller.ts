import fs from "node:fs";
import path from "node:path";
import { Controller, Get, Req, Res } from "@nestjs/common";
import { Access, AppError } from "@uslimato/server-core";
import type { FastifyReply, FastifyRequest } from "fastify";

/** Where the built single-page app lives (served by the api for the one-machine start). */
export const WEB_DIST = path.resolve(process.env.WEB_DIST ?? path.join(process.cwd(), "dist/web"));

export function webAppBuilt(): boolean {
  return fs.existsSync(path.join(WEB_DIST, "index.html"));
}

/**
 * Every GET that is not an API route nor a file of the built app is a page of the single-page app
 * (deep links), which shows its own "Not found" for unknown ones. API paths stay JSON 404s.
 */
@Controller()
@Access({ kind: "public" })
export class WebAppController {
  private readonly built = webAppBuilt();

  @Get("*")
  page(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const url = request.url;
    if (url.startsWith("/api/") || url.startsWith("/public/") || !this.built) {
      throw new AppError("not_found", `There is no ${request.method} ${url.split("?")[0]}.`);
    }
    return reply.type("text/html").sendFile("index.html");
  }
}
