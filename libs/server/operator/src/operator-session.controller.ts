import type {} from "@fastify/cookie";
import { Body, Controller, Get, HttpCode, Post, Req, Res } from "@nestjs/common";
import {
  Access,
  type Config,
  CurrentOperator,
  InjectConfig,
  OPERATOR_COOKIE,
  type OperatorContext,
} from "@uslimato/server-core";
import type { FastifyReply, FastifyRequest } from "fastify";
import { OperatorSignInDto } from "./dto/operator.dto.ts";
import { OPERATOR_SESSION_SECONDS, OperatorsService } from "./operators.service.ts";

/** Operator sign-in, sign-out and session; the operator's own cookie, never the tenant session's. */
@Controller("api/operator")
export class OperatorSessionController {
  constructor(
    private readonly operators: OperatorsService,
    @InjectConfig() private readonly config: Config,
  ) {}

  @Post("sign-in")
  @HttpCode(200)
  @Access({ kind: "public" })
  async signIn(
    @Body() body: OperatorSignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { cookie, ...session } = await this.operators.signIn(body.email, body.password, request.ip);
    this.setCookie(reply, cookie, OPERATOR_SESSION_SECONDS);
    return session;
  }

  @Post("sign-out")
  @HttpCode(204)
  @Access({ kind: "operator" })
  async signOut(@CurrentOperator() op: OperatorContext, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.operators.signOut(op);
    this.setCookie(reply, "", 0);
  }

  @Get("session")
  @Access({ kind: "operator" })
  session(@CurrentOperator() op: OperatorContext) {
    return { operator: { id: op.operatorId, email: op.email }, csrfToken: op.csrfToken };
  }

  /** Strict, HTTP-only and limited to the operator's routes: a tenant page never sends it. */
  private setCookie(reply: FastifyReply, value: string, maxAge: number): void {
    reply.setCookie(OPERATOR_COOKIE, value, {
      path: "/api/operator",
      httpOnly: true,
      sameSite: "strict",
      secure: this.config.secureCookies,
      maxAge,
    });
  }
}
