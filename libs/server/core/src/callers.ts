import type { LicenseState } from "@uslimato/domain";

/** Who is calling, resolved once per request (one query) and handed to services. */
export interface UserContext {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  userId: string;
  name: string;
  email: string;
  permissions: ReadonlySet<string>;
  license: LicenseState | null;
  csrfToken: string;
  sessionHash: string;
}

/** A signed-in platform operator (the Uslimato team, not a tenant user). */
export interface OperatorContext {
  operatorId: string;
  email: string;
  csrfToken: string;
  sessionHash: string;
}

/** The caller of an `api-key` route: the key acts for the tenant's service desk within its scopes. */
export interface ApiKeyCaller {
  keyId: string;
  tenantId: string;
  userId: string;
  scopes: readonly string[];
  permissions: ReadonlySet<string>;
  license: LicenseState | null;
}

/** What the access guard leaves on the request for the handler. */
export interface CallerSlots {
  user?: UserContext | null;
  operator?: OperatorContext | null;
  apiKey?: ApiKeyCaller | null;
}
