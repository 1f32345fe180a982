// The reply.setCookie() typings.
import type {} from "@fastify/cookie";
import { Body, Controller, Get, HttpCode, Ip, Post, Res } from "@nestjs/common";
import {
  Access,
  type Config,
  CurrentUser,
  InjectConfig,
  SESSION_COOKIE,
  type UserContext,
} from "@uslimato/server-core";
import type { FastifyReply } from "fastify";
import { SignInDto } from "./dto/auth.dto.ts";
import { SESSION_DAYS } from "./session-cookie.ts";
import { sessionView } from "./session-view.ts";
import { SessionsService } from "./sessions.service.ts";
import { SignInService } from "./sign-in.service.ts";

/** Sign-in, sign-out and the current session (the web app's first call). */
@Controller()
export class AuthController {
  constructor(
    private readonly signInService: SignInService,
    private readonly sessions: SessionsService,
    @InjectConfig() private readonly config: Config,
  ) {}

  @Post("api/auth/sign-in")
  @Access({ kind: "public" })
  @HttpCode(200)
  async signIn(@Body() body: SignInDto, @Ip() ip: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { cookie, user } = await this.signInService.signIn(body, ip);
    this.setCookie(reply, cookie, SESSION_DAYS * 86_400);
    return sessionView(user);
  }

  @Post("api/auth/sign-out")
  @Access({ kind: "signed-in" })
  @HttpCode(204)
  async signOut(@CurrentUser() user: UserContext, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.sessions.deleteSession(user);
    this.setCookie(reply, "", 0);
  }

  @Get("api/session")
  @Access({ kind: "signed-in" })
  session(@CurrentUser() user: UserContext) {
    return sessionView(user);
  }

  private setCookie(reply: FastifyReply, value: string, maxAge: number): void {
    reply.setCookie(SESSION_COOKIE, value, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: this.config.secureCookies,
      maxAge,
    });
  }
}
