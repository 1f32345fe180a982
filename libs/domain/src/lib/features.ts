/** The seven ITSM feature flags of the add-on license. */
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

export function isFeatureFlag(name: string): name is FeatureFlag {
  return (FEATURE_FLAGS as readonly string[]).includes(name);
}

export interface LicenseState {
  active: boolean;
  flags: readonly string[];
}

/**
 * THE answer to "may this tenant use feature X": the ITSM license exists, is active and has the flag.
 * The server's route guard and the session payload the web app reads both call this.
 */
export function featureEnabled(license: LicenseState | null | undefined, flag: FeatureFlag): boolean {
  return !!license && license.active && license.flags.includes(flag);
}

export function featureMap(license: LicenseState | null | undefined): Record<FeatureFlag, boolean> {
  return Object.fromEntries(FEATURE_FLAGS.map((f) => [f, featureEnabled(license, f)])) as Record<
    FeatureFlag,
    boolean
  >;
}
