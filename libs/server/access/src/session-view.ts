import { featureMap } from "@uslimato/domain";
import type { UserContext } from "@uslimato/server-core";

/** The session payload the web app reads (sign-in and GET /api/session answer it). */
export function sessionView(user: UserContext) {
  return {
    user: { id: user.userId, name: user.name, email: user.email },
    tenant: { id: user.tenantId, slug: user.tenantSlug, name: user.tenantName },
    permissions: [...user.permissions].sort(),
    features: featureMap(user.license),
    itsmLicensed: !!user.license?.active,
    csrfToken: user.csrfToken,
  };
}

export type SessionView = ReturnType<typeof sessionView>;
