import { Injectable } from "@nestjs/common";
import { HttpAdapterHost, ModulesContainer } from "@nestjs/core";
import type { OpenAPIObject } from "@nestjs/swagger";
import { type Config, InjectConfig } from "@uslimato/server-core";
import { buildPublicApiDocument } from "./openapi.ts";
import { PublicTicketsController } from "./public-tickets.controller.ts";
import { type OpenApiDocumentLike, referencePage } from "./reference-page.ts";

/** The OpenAPI document and the reference page rendered from it: built once, on first request. */
@Injectable()
export class PublicDocsService {
  private document: OpenAPIObject | undefined;
  private page: string | undefined;

  constructor(
    private readonly modules: ModulesContainer,
    private readonly adapterHost: HttpAdapterHost,
    @InjectConfig() private readonly config: Config,
  ) {}

  openApi(): OpenAPIObject {
    if (!this.document) {
      // The module that serves /public/v1 (this one), found by its controller.
      const host = [...this.modules.values()].find((m) => m.controllers.has(PublicTicketsController));
      if (!host) throw new Error("PublicTicketsController is not registered");
      this.document = buildPublicApiDocument(
        this.modules,
        this.adapterHost,
        host.metatype,
        this.config.publicUrl,
      );
    }
    return this.document;
  }

  referencePage(): string {
    this.page ??= referencePage(this.openApi() as unknown as OpenApiDocumentLike);
    return this.page;
  }
}
