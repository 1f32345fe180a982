import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../app.ts";
import { userOf } from "../http/access.ts";
import {
  addMember,
  createGroup,
  deleteGroup,
  listGroups,
  removeMember,
  updateGroup,
} from "../modules/access/groups.ts";
import { uuidParam } from "./schemas.ts";

const groupName = z.string().trim().min(1, "is required").max(100);
const permissionList = z.array(z.string().max(100)).max(50);

export function groupRoutes({ database }: AppDeps) {
  return async (base: FastifyInstance) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const access = { kind: "user", permissions: ["users:manage"] } as const;
    const db = database.db;
    app.get("/api/permissions", { config: { access } }, async () =>
      db
        .selectFrom("permissions")
        .select(["name", "description", "itsm"])
        .orderBy("itsm")
        .orderBy("name")
        .execute(),
    );
    app.get("/api/groups", { config: { access } }, async (request) =>
      listGroups(db, userOf(request).tenantId),
    );
    app.post(
      "/api/groups",
      {
        config: { access },
        schema: { body: z.strictObject({ name: groupName, permissions: permissionList }) },
      },
      async (request, reply) =>
        reply.status(201).send(await createGroup(db, userOf(request).tenantId, request.body)),
    );
    app.patch(
      "/api/groups/:id",
      {
        config: { access },
        schema: {
          params: z.object({ id: uuidParam }),
          body: z.strictObject({ name: groupName.optional(), permissions: permissionList.optional() }),
        },
      },
      async (request) => updateGroup(db, userOf(request).tenantId, request.params.id, request.body),
    );
    app.delete(
      "/api/groups/:id",
      { config: { access }, schema: { params: z.object({ id: uuidParam }) } },
      async (request, reply) => {
        await deleteGroup(db, userOf(request).tenantId, request.params.id);
        return reply.status(204).send();
      },
    );
    const memberParams = z.object({ id: uuidParam, userId: uuidParam });
    app.put(
      "/api/groups/:id/members/:userId",
      { config: { access }, schema: { params: memberParams } },
      async (request) => addMember(db, userOf(request).tenantId, request.params.id, request.params.userId),
    );
    app.delete(
      "/api/groups/:id/members/:userId",
      { config: { access }, schema: { params: memberParams } },
      async (request) => {
        const user = userOf(request);
        return removeMember(db, user.tenantId, user.userId, request.params.id, request.params.userId);
      },
    );
  };
}
