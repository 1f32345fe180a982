import { Module } from "@nestjs/common";
import { DiscoveryModule } from "@nestjs/core";
import { AssetsModule } from "@uslimato/server-assets";
import { ApiKeyAuthenticator } from "@uslimato/server-core";
import { TicketsModule } from "@uslimato/server-tickets";
import { ApiKeyGate } from "./api-key.gate.ts";
import { ApiKeysController } from "./api-keys.controller.ts";
import { ApiKeysService } from "./api-keys.service.ts";
import { ApiUsageOperatorController } from "./api-usage-operator.controller.ts";
import { CursorService } from "./cursor.service.ts";
import { IdempotencyService } from "./idempotency.service.ts";
import { PublicApiHooks } from "./public-api.hooks.ts";
import { PublicAssetsController } from "./public-assets.controller.ts";
import { PublicDocsController } from "./public-docs.controller.ts";
import { PublicDocsService } from "./public-docs.service.ts";
import { PublicTicketsController } from "./public-tickets.controller.ts";
import { PublicTicketsService } from "./public-tickets.service.ts";
import { RateLimitService } from "./rate-limit.service.ts";
import { UsageService } from "./usage.service.ts";

/**
 * The Public API (/public/v1, docs/public-api.md): the key gate behind the access guard's `api-key`
 * kind, rate limits, usage metering, Idempotency-Key, signed cursors, the tickets resource and its
 * OpenAPI document; and Settings → API keys plus the operator's usage report.
 */
@Module({
  imports: [DiscoveryModule, TicketsModule, AssetsModule],
  controllers: [
    ApiKeysController,
    ApiUsageOperatorController,
    PublicTicketsController,
    PublicAssetsController,
    PublicDocsController,
  ],
  providers: [
    ApiKeyGate,
    { provide: ApiKeyAuthenticator, useExisting: ApiKeyGate },
    ApiKeysService,
    CursorService,
    IdempotencyService,
    PublicApiHooks,
    PublicDocsService,
    PublicTicketsService,
    RateLimitService,
    UsageService,
  ],
  exports: [ApiKeyAuthenticator, ApiKeysService, UsageService],
})
export class PublicApiModule {}
