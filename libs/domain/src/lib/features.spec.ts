import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import { FEATURE_FLAGS, featureEnabled, featureMap, isFeatureFlag } from "./features.ts";

describe("feature flags: the one answer to 'may this tenant use feature X'", () => {
  test("the seven flags of the ITSM license", () => {
    assert.deepEqual([...FEATURE_FLAGS].sort(), [
      "agent_portal",
      "asset_integration",
      "email_notifications",
      "email_templates",
      "end_user_portal",
      "movement_link",
      "public_api",
    ]);
    assert.ok(isFeatureFlag("public_api"));
    assert.ok(!isFeatureFlag("teleport"));
    assert.ok(!isFeatureFlag("PUBLIC_API"));
  });

  test("a flag is enabled only with a license that is active and has the flag", () => {
    assert.equal(featureEnabled(null, "agent_portal"), false, "no license");
    assert.equal(featureEnabled(undefined, "agent_portal"), false);
    assert.equal(
      featureEnabled({ active: false, flags: [...FEATURE_FLAGS] }, "agent_portal"),
      false,
      "deactivated",
    );
    assert.equal(featureEnabled({ active: true, flags: ["public_api"] }, "agent_portal"), false, "flag off");
    assert.equal(featureEnabled({ active: true, flags: ["agent_portal"] }, "agent_portal"), true);
  });

  test("featureMap answers for every flag, as the session payload the web app reads", () => {
    const map = featureMap({ active: true, flags: ["agent_portal", "movement_link"] });
    assert.deepEqual(Object.keys(map).sort(), [...FEATURE_FLAGS].sort());
    assert.deepEqual(
      Object.entries(map)
        .filter(([, on]) => on)
        .map(([flag]) => flag)
        .sort(),
      ["agent_portal", "movement_link"],
    );
    assert.ok(Object.values(featureMap(null)).every((on) => on === false));
  });
});
