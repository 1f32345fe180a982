export const FEATURE_FLAGS = [
  "agent_portal",
  "end_user_portal",
  "asset_integration",
  "email_notifications",
  "email_templates",
  "public_api",
  "movement_link",
] as const;

export type FeatureFlag = (typeof FEATURE_FLAGS)[number];

export interface Session {
  user: { id: string; name: string; email: string };
  tenant: { id: string; slug: string; name: string };
  permissions: string[];
  features: Record<FeatureFlag, boolean>;
  itsmLicensed: boolean;
  csrfToken: string;
}

export interface WorkspaceChoice {
  slug: string;
  name: string;
}
