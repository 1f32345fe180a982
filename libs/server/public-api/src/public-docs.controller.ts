import { Controller, Get, Req, Res } from "@nestjs/common";
import { ApiExcludeController, type OpenAPIObject } from "@nestjs/swagger";
import { Access } from "@uslimato/server-core";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ApiKeyGate } from "./api-key.gate.ts";
import { PublicDocsService } from "./public-docs.service.ts";

/**
 * /public/v1/openapi.json and the reference page rendered from it (/public/v1/docs). No key needed;
 * limited per client address like requests without a valid key.
 */
@Controller("public/v1")
@ApiExcludeController()
@Access({ kind: "public" })
export class PublicDocsController {
  constructor(
    private readonly gate: ApiKeyGate,
    private readonly docs: PublicDocsService,
  ) {}

  @Get("openapi.json")
  async openApi(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpenAPIObject> {
    await this.gate.limitByAddress(request, reply);
    return this.docs.openApi();
  }

  @Get("docs")
  async referencePage(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await this.gate.limitByAddress(request, reply);
    // Plain HTML and one inline stylesheet, no script: nothing else may load on this page.
    reply
      .type("text/html; charset=utf-8")
      .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
    return this.docs.referencePage();
  }
}
