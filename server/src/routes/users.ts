import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app.ts";
import { userOf } from "../http/access.ts";
import { createUser, listUsers, updateUser } from "../modules/access/users.ts";
import { email, password, personName, uuidParam } from "./schemas.ts";

export function userRoutes({ database }: AppDeps) {
  return async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const access = { kind: "user", permissions: ["users:manage"] } as const;
    app.get("/api/users", { config: { access } }, async (request) =>
      listUsers(database.db, userOf(request).tenantId),
    );
    app.post(
      "/api/users",
      { config: { access }, schema: { body: z.strictObject({ email, name: personName, password }) } },
      async (request, reply) =>
        reply.status(201).send(await createUser(database.db, userOf(request).tenantId, request.body)),
    );
    app.patch(
      "/api/users/:id",
      {
        config: { access },
        schema: {
          params: z.object({ id: uuidParam }),
          body: z
            .strictObject({ name: personName.optional(), active: z.boolean().optional() })
            .refine((b) => Object.keys(b).length > 0, "Send at least one of name, active."),
        },
      },
      async (request) => {
        const user = userOf(request);
        return updateUser(database.db, user.tenantId, user.userId, request.params.id, request.body);
      },
    );
  };
}
