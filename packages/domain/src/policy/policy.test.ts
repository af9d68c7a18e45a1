import { describe, expect, it } from "vitest";
import { type Command, canManageBatch, commands, roleMayRun } from "./permissions";
import { type Actor, roleCodes } from "./roles";

const actor = (role: Actor["role"], regionCode: string | null = null): Actor => ({
  userId: "u1",
  role,
  regionCode,
  industryScope: null,
  institutionId: null,
});

describe("roleMayRun", () => {
  it("lets anyone run public commands and any signed-in role run authenticated ones", () => {
    expect(roleMayRun(null, "public")).toBe(true);
    expect(roleMayRun(null, "authenticated")).toBe(false);
    for (const role of roleCodes) expect(roleMayRun(role, "authenticated")).toBe(true);
  });

  it("grants every other command to a fixed set of roles, never to the anonymous", () => {
    const table = Object.fromEntries(
      (Object.keys(commands) as Command[]).map((command) => [
        command,
        roleCodes.filter((role) => roleMayRun(role, command)),
      ]),
    );
    expect(table).toEqual({
      public: [...roleCodes],
      authenticated: [...roleCodes],
      "batch.view": [
        "nationalOffice",
        "provincialOffice",
        "provincialRecommender",
        "industryRecommender",
        "receivingCentre",
        "admin",
      ],
      "batch.create": ["nationalOffice", "provincialOffice"],
      "batch.edit": ["nationalOffice", "provincialOffice"],
      "batch.publish": ["nationalOffice", "provincialOffice"],
      "quota.set": ["nationalOffice", "provincialOffice"],
      "user.view": ["admin"],
      "user.manage": ["admin"],
      "calendar.manage": ["admin"],
      "audit.view": ["admin"],
      "audit.verify": ["admin"],
      "audit.exportHead": ["admin"],
      "job.monitor": ["admin"],
      "application.view": [
        "institution",
        "nationalOffice",
        "provincialOffice",
        "provincialRecommender",
        "industryRecommender",
        "receivingCentre",
      ],
      "application.create": ["institution"],
      "application.edit": ["institution"],
      "application.submit": ["institution"],
      "application.withdraw": ["institution"],
      "application.exportBatch": [
        "nationalOffice",
        "provincialOffice",
        "provincialRecommender",
        "industryRecommender",
        "receivingCentre",
      ],
      "application.return": [
        "nationalOffice",
        "provincialOffice",
        "provincialRecommender",
        "industryRecommender",
        "receivingCentre",
      ],
      "application.reveal": [
        "nationalOffice",
        "provincialOffice",
        "provincialRecommender",
        "industryRecommender",
        "receivingCentre",
      ],
      "recommendation.queue": ["provincialRecommender", "industryRecommender", "receivingCentre"],
      "recommendation.choose": ["provincialRecommender", "industryRecommender"],
      "recommendation.close": ["provincialRecommender", "industryRecommender"],
      "recommendation.overview": ["nationalOffice", "provincialOffice"],
      "formalCheck.act": ["receivingCentre"],
      "expert.manage": ["nationalOffice", "provincialOffice"],
      "review.manage": ["nationalOffice", "provincialOffice"],
      "review.score": ["expert"],
      "decision.make": ["nationalOffice", "provincialOffice"],
      "publicNotice.manage": ["nationalOffice", "provincialOffice"],
      "catalog.manage": ["nationalOffice", "provincialOffice"],
      "assessment.view": ["institution", "nationalOffice", "provincialOffice"],
      "assessment.submit": ["institution"],
      "assessment.manage": ["nationalOffice", "provincialOffice"],
      "contactChange.request": ["institution"],
      "contactChange.decide": ["nationalOffice", "provincialOffice"],
      "stats.view": ["nationalOffice", "provincialOffice"],
      "institution.view": ["nationalOffice", "admin"],
      "institution.correctRegion": ["nationalOffice", "admin"],
    });
    for (const command of Object.keys(commands) as Command[]) {
      if (command !== "public") expect(roleMayRun(null, command)).toBe(false);
    }
  });
});

describe("canManageBatch", () => {
  it("gives the national office every batch and a provincial office only its own region's", () => {
    expect(canManageBatch(actor("nationalOffice"), { level: "national" })).toBe(true);
    expect(canManageBatch(actor("nationalOffice"), { level: "region", regionCode: "310000" })).toBe(true);
    expect(
      canManageBatch(actor("provincialOffice", "310000"), { level: "region", regionCode: "310000" }),
    ).toBe(true);
    expect(
      canManageBatch(actor("provincialOffice", "310000"), { level: "region", regionCode: "440000" }),
    ).toBe(false);
    expect(canManageBatch(actor("provincialOffice", "310000"), { level: "national" })).toBe(false);
    for (const role of [
      "institution",
      "provincialRecommender",
      "industryRecommender",
      "receivingCentre",
      "expert",
      "admin",
    ] as const) {
      expect(canManageBatch(actor(role, "310000"), { level: "region", regionCode: "310000" })).toBe(false);
    }
  });
});
