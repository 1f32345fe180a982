import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from "@nestjs/common";
import { Access, AppError, ERROR_STATUS } from "@uslimato/server-core";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ActionLinksService, type ActionOutcome } from "./action-links.service.ts";
import { ACTION_LINK_PATH } from "./action-links.ts";
import { actionDonePage, actionErrorPage, actionFormPage } from "./action-pages.ts";
import { ActionLinkBodyDto, ActionLinkParams } from "./dto.ts";

const TITLES: Partial<Record<string, string>> = {
  not_found: "This link does not work",
  forbidden: "This link does not work",
  invalid_transition: "Nothing to do",
  validation_failed: "Please say what is still not solved",
};

/**
 * The confirm/reject links of ticket.resolved mails. Public: the signed token is the credential (no
 * sign-in, no session, so no CSRF token either; a forged request would need the token). People get
 * pages; a client that asks for JSON (Accept) gets JSON and problem+json, as the rest of the API.
 */
@Controller()
@Access({ kind: "public" })
export class ActionLinksController {
  constructor(private readonly links: ActionLinksService) {}

  /** The page that asks; it changes nothing (mail scanners prefetch links). */
  @Get(`${ACTION_LINK_PATH.slice(1)}/:token`)
  async show(
    @Param() params: ActionLinkParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answer(request, reply, async () => {
      const outcome = await this.links.describe(params.token);
      return { outcome, html: actionFormPage(outcome) };
    });
  }

  /** Confirm (→ closed) or reject with `comment` (→ in progress), as the ticket's reporter. */
  @Post(`${ACTION_LINK_PATH.slice(1)}/:token`)
  @HttpCode(200)
  async act(
    @Param() params: ActionLinkParams,
    @Body() body: ActionLinkBodyDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answer(request, reply, async () => {
      try {
        const outcome = await this.links.perform(params.token, body.comment);
        return { outcome, html: actionDonePage(outcome) };
      } catch (err) {
        // A reject without a comment: the same form again, saying what is missing.
        if (err instanceof AppError && err.code === "validation_failed" && wantsPage(request)) {
          const outcome = await this.links.describe(params.token);
          reply.status(422);
          return { outcome, html: actionFormPage(outcome, "Please say what is still not solved.") };
        }
        throw err;
      }
    });
  }

  private async answer(
    request: FastifyRequest,
    reply: FastifyReply,
    run: () => Promise<{ outcome: ActionOutcome; html: string }>,
  ) {
    // The token is in the URL: no caching, and no Referer carrying it anywhere.
    reply.header("cache-control", "no-store");
    reply.header("referrer-policy", "no-referrer");
    const page = wantsPage(request);
    try {
      const { outcome, html } = await run();
      if (!page) return { action: outcome.action, ticket: outcome.ticket };
      reply.type("text/html; charset=utf-8");
      return html;
    } catch (err) {
      if (!page || !(err instanceof AppError)) throw err;
      reply.status(ERROR_STATUS[err.code]).type("text/html; charset=utf-8");
      return actionErrorPage(TITLES[err.code] ?? "Something went wrong", err.message);
    }
  }
}

/** A person (a browser, a form post) rather than a client asking for JSON. */
function wantsPage(request: FastifyRequest): boolean {
  const accept = String(request.headers.accept ?? "");
  if (/json/i.test(accept)) return false;
  return (
    request.method === "GET" ||
    /html/i.test(accept) ||
    /form-urlencoded/i.test(String(request.headers["content-type"] ?? ""))
  );
}
