import { describe, expect, it } from "@jest/globals";
import type { FeatureFlag } from "@uslimato/domain";
import type { SessionStore } from "@uslimato/web-data-access";
import { SETTINGS_PAGES } from "./settings-access.ts";

/** A session as the pages see it: permissions, flags and whether the ITSM license is active. */
function session(permissions: string[], flags: FeatureFlag[] = [], itsmLicensed = false): SessionStore {
  return {
    can: (p: string) => permissions.includes(p),
    flagOn: (f: FeatureFlag) => flags.includes(f),
    session: () => ({ itsmLicensed }),
  } as unknown as SessionStore;
}

const visible = (s: SessionStore) => SETTINGS_PAGES.filter((p) => p.allowed(s)).map((p) => p.label);

describe("which settings pages a session sees", () => {
  it("users:manage: users and permissions only", () => {
    expect(visible(session(["users:manage"]))).toEqual(["Users", "Permissions"]);
  });

  it("settings:manage without the ITSM license: API keys only", () => {
    expect(visible(session(["settings:manage"]))).toEqual(["API keys"]);
  });

  it("settings:manage with the license: ITSM, and Email templates only with its flag", () => {
    expect(visible(session(["settings:manage"], [], true))).toEqual(["ITSM", "API keys"]);
    expect(visible(session(["settings:manage"], ["email_templates"], true))).toEqual([
      "ITSM",
      "Email templates",
      "API keys",
    ]);
  });

  it("an agent without admin permissions sees none", () => {
    expect(visible(session(["tickets:manage", "tickets:create"], ["email_templates"], true))).toEqual([]);
  });
});
