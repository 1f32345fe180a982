import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app.ts";
import { userOf } from "../http/access.ts";
import { getItsmSettings, updateItsmSettings } from "../modules/tickets/settings.ts";

/** Settings → ITSM (ticket prefix, auto-close days). Exists only while the ITSM license is active. */
export function itsmSettingsRoutes({ database }: AppDeps) {
  return async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const access = { kind: "user", itsm: true, permissions: ["settings:manage"] } as const;
    app.get("/api/settings/itsm", { config: { access } }, async (request) =>
      getItsmSettings(database.db, userOf(request).tenantId),
    );
    app.patch(
      "/api/settings/itsm",
      {
        config: { access },
        schema: {
          body: z.strictObject({
            ticketPrefix: z.string().max(20).optional(),
            autoCloseDays: z.number().int().optional(),
          }),
        },
      },
      async (request) => updateItsmSettings(database.db, userOf(request).tenantId, request.body),
    );
  };
}
