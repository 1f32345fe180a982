/** Settings → API keys, as GET /api/api-keys returns them (see docs/public-api.md). */
export interface UsageCounts {
  requests: number;
  status_2xx: number;
  status_4xx: number;
  status_5xx: number;
}

export interface ApiKey {
  id: string;
  name: string;
  hint: string;
  scopes: string[];
  owner: { id: string; name: string; email: string };
  status: "active" | "expired" | "revoked";
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  notes: string[];
  usage: { today: UsageCounts; last_30_days: UsageCounts };
}

export interface CreatedApiKey extends ApiKey {
  /** The whole key: in the creation answer only. */
  secret: string;
}

export interface KeyOwner {
  id: string;
  name: string;
  email: string;
  permissions: string[];
}

export interface UsageRow extends UsageCounts {
  day: string;
  key_id: string;
  key_name: string;
}

export const SCOPES = [
  { value: "tickets:read", label: "tickets:read", description: "List and read tickets and their comments" },
  { value: "tickets:write", label: "tickets:write", description: "Create tickets, change them, comment" },
  {
    value: "assets:read",
    label: "assets:read",
    description: "Read assets (when the assets API is available)",
  },
] as const;
