import "reflect-metadata";
import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import type { LogLevel } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { FastifyAdapter, type NestFastifyApplication } from "@nestjs/platform-fastify";
import type { Config } from "@uslimato/server-core";
import type { Database } from "@uslimato/server-data";
import { registerActionFormParser } from "@uslimato/server-emails";
import { AppModule } from "./app.module.ts";
import { WEB_DIST, webAppBuilt } from "./web-app.controller.ts";

const NEST_LOG_LEVELS: Record<string, LogLevel[]> = {
  silent: [],
  fatal: ["fatal"],
  error: ["fatal", "error"],
  warn: ["fatal", "error", "warn"],
  // Nest's own start-up lines (modules, mapped routes) are debug detail; requests are logged by Fastify.
  info: ["fatal", "error", "warn"],
  debug: ["fatal", "error", "warn", "log", "debug"],
  trace: ["fatal", "error", "warn", "log", "debug", "verbose"],
};

/**
 * The HTTP application on Fastify: security headers, cookies, the built web app's files, then Nest's
 * routes behind the global guard, pipe and filter. Returned initialised, not listening (tests inject).
 */
export async function createApp(config: Config, database: Database): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: config.logLevel === "silent" ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    genReqId: () => randomUUID(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, database), adapter, {
    logger: NEST_LOG_LEVELS[config.logLevel] ?? NEST_LOG_LEVELS.info,
    // Fastify's own JSON parser, as before: Nest's parsers would also accept form-encoded bodies.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Bodies are JSON only: any other content type (text/plain included) is a 415.
  fastify.removeContentTypeParser("text/plain");
  // … but for the confirm/reject pages of ticket.resolved mails, which are plain HTML forms.
  registerActionFormParser(fastify);
  // Errors raised before a request reaches a handler (body parsing: bad JSON, too large, wrong content
  // type) reach the ProblemFilter too: Nest installs Fastify's error handler and passes them on.
  await app.register(helmet, securityHeaders(config));
  await app.register(cookie);
  if (webAppBuilt()) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  }
  await app.init();
  return app;
}

/**
 * Security headers on every answer: a CSP that allows no inline or evaluated script (styles may be
 * inline: the UI kit sets them at run time), no framing, no MIME sniffing, no referrer to other sites;
 * HSTS only when the public URL is https (on plain http it would lock browsers out of a local install).
 */
function securityHeaders(config: Config) {
  const https = config.publicUrl.startsWith("https:");
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        ...(https ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    frameguard: { action: "deny" as const },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" as const },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
}
