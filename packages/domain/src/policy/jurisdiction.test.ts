import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ApplicationInJurisdiction,
  canActOnCatalogEntry,
  canActOnPublicNotice,
  canSeeApplication,
  canSuperviseCatalogEntry,
  centreActsOnBatch,
  officeActsOnBatch,
  type RegionFilter,
  regionFilter,
  regionFilterAdmits,
} from "./jurisdiction";
import { type BatchScope, canManageBatch } from "./permissions";
import { type Actor, type Role, roleCodes } from "./roles";

const OWN = "310000";
const OTHER = "440000";
const INDUSTRY = "工业和信息化部";

/** An actor of the role: regional roles in 上海, the industry recommender for one ministry, the institution i1. */
function actor(role: Role, regionCode: string | null = OWN): Actor {
  return {
    userId: `u-${role}`,
    role,
    regionCode: role === "institution" || role === "industryRecommender" ? null : regionCode,
    industryScope: role === "industryRecommender" ? INDUSTRY : null,
    institutionId: role === "institution" ? "i1" : null,
  };
}

const scopes = {
  national: { level: "national" },
  ownRegion: { level: "region", regionCode: OWN },
  otherRegion: { level: "region", regionCode: OTHER },
} as const satisfies Record<string, BatchScope>;
type ScopeName = keyof typeof scopes;
const scopeNames = Object.keys(scopes) as ScopeName[];

const staffRolesExceptOffices = roleCodes.filter(
  (role) => role !== "nationalOffice" && role !== "provincialOffice",
);

describe("officeActsOnBatch", () => {
  // role × batch scope: only the offices act, a provincial office on its own region's batches.
  const expected: Record<Role, Record<ScopeName, boolean>> = {
    institution: { national: false, ownRegion: false, otherRegion: false },
    nationalOffice: { national: true, ownRegion: true, otherRegion: true },
    provincialOffice: { national: false, ownRegion: true, otherRegion: false },
    provincialRecommender: { national: false, ownRegion: false, otherRegion: false },
    industryRecommender: { national: false, ownRegion: false, otherRegion: false },
    receivingCentre: { national: false, ownRegion: false, otherRegion: false },
    expert: { national: false, ownRegion: false, otherRegion: false },
    admin: { national: false, ownRegion: false, otherRegion: false },
  };
  for (const role of roleCodes) {
    for (const scope of scopeNames) {
      it(`${role} on a ${scope} batch: ${expected[role][scope]}`, () => {
        expect(officeActsOnBatch(actor(role), { scope: scopes[scope] })).toBe(expected[role][scope]);
        expect(officeActsOnBatch(actor(role), { scope: scopes[scope] })).toBe(
          canManageBatch(actor(role), scopes[scope]),
        );
      });
    }
  }
  it("gives a provincial office without a region no batch", () => {
    for (const scope of scopeNames)
      expect(officeActsOnBatch(actor("provincialOffice", null), { scope: scopes[scope] })).toBe(false);
  });
});

describe("centreActsOnBatch", () => {
  it("gives the receiving centre its own region's batches with a formal check, and no one else any", () => {
    for (const role of roleCodes)
      for (const scope of scopeNames)
        for (const formalCheck of [true, false]) {
          const batch = {
            scope: scopes[scope],
            stages: [{ code: "submission" }, ...(formalCheck ? [{ code: "formalCheck" }] : [])],
          };
          expect(centreActsOnBatch(actor(role), batch), `${role} ${scope} ${formalCheck}`).toBe(
            role === "receivingCentre" && scope === "ownRegion" && formalCheck,
          );
        }
  });
});

describe("canSeeApplication", () => {
  type Case = {
    scope: ScopeName;
    institutionRegion: string | null;
    status: "draft" | "submitted";
    routing: "ownRegion" | "otherRegion" | "ownIndustry" | "otherIndustry" | "none";
    formalCheck: boolean;
    owner: "i1" | "i2";
  };
  const routings = {
    ownRegion: { recommenderType: "region", recommenderValue: OWN },
    otherRegion: { recommenderType: "region", recommenderValue: OTHER },
    ownIndustry: { recommenderType: "industry", recommenderValue: INDUSTRY },
    otherIndustry: { recommenderType: "industry", recommenderValue: "交通运输部" },
    none: { recommenderType: null, recommenderValue: null },
  } as const;
  const application = (c: Case): ApplicationInJurisdiction => ({
    institutionId: c.owner,
    institutionRegion: c.institutionRegion,
    status: c.status,
    ...routings[c.routing],
    batch: {
      scope: scopes[c.scope],
      stages: [{ code: "submission" }, ...(c.formalCheck ? [{ code: "formalCheck" }] : [])],
    },
  });
  const cases: Case[] = [];
  for (const scope of scopeNames)
    for (const institutionRegion of [OWN, OTHER, null])
      for (const status of ["draft", "submitted"] as const)
        for (const routing of Object.keys(routings) as Case["routing"][])
          for (const formalCheck of [true, false])
            for (const owner of ["i1", "i2"] as const)
              cases.push({ scope, institutionRegion, status, routing, formalCheck, owner });

  /** What each role sees, stated once per role in words of the case. */
  const sees: Record<Role, (c: Case) => boolean> = {
    institution: (c) => c.owner === "i1",
    nationalOffice: () => true,
    provincialOffice: (c) => c.scope === "ownRegion" || c.institutionRegion === OWN,
    receivingCentre: (c) => c.scope === "ownRegion" && c.formalCheck && c.status === "submitted",
    provincialRecommender: (c) => c.status === "submitted" && c.routing === "ownRegion",
    industryRecommender: (c) => c.status === "submitted" && c.routing === "ownIndustry",
    expert: () => false,
    admin: () => false,
  };

  it("covers every role against every case", () => {
    expect(cases.length).toBe(3 * 3 * 2 * 5 * 2 * 2);
    for (const role of roleCodes) {
      for (const c of cases) {
        expect(canSeeApplication(actor(role), application(c)), `${role} ${JSON.stringify(c)}`).toBe(
          sees[role](c),
        );
      }
    }
  });

  it.each([
    ["institution", { scope: "national", owner: "i1", status: "draft" }, true],
    ["institution", { scope: "ownRegion", owner: "i2", status: "submitted" }, false],
    ["provincialOffice", { scope: "national", institutionRegion: OWN, status: "draft" }, true],
    ["provincialOffice", { scope: "national", institutionRegion: OTHER, status: "submitted" }, false],
    ["provincialOffice", { scope: "ownRegion", institutionRegion: OTHER, status: "draft" }, true],
    ["provincialOffice", { scope: "otherRegion", institutionRegion: OTHER, status: "submitted" }, false],
    ["receivingCentre", { scope: "ownRegion", formalCheck: true, status: "submitted" }, true],
    ["receivingCentre", { scope: "ownRegion", formalCheck: true, status: "draft" }, false],
    ["receivingCentre", { scope: "ownRegion", formalCheck: false, status: "submitted" }, false],
    ["receivingCentre", { scope: "national", formalCheck: true, status: "submitted" }, false],
    ["provincialRecommender", { routing: "ownRegion", status: "submitted" }, true],
    ["provincialRecommender", { routing: "ownRegion", status: "draft" }, false],
    ["provincialRecommender", { routing: "ownIndustry", status: "submitted" }, false],
    ["industryRecommender", { routing: "ownIndustry", status: "submitted" }, true],
    ["industryRecommender", { routing: "otherIndustry", status: "submitted" }, false],
    ["expert", { scope: "ownRegion", institutionRegion: OWN, status: "submitted" }, false],
    ["admin", { scope: "national", status: "submitted" }, false],
  ] as const)("%s sees %o: %s", (role, partial, expected) => {
    const c: Case = {
      scope: "national",
      institutionRegion: null,
      routing: "none",
      formalCheck: false,
      owner: "i2",
      ...partial,
    };
    expect(canSeeApplication(actor(role), application(c))).toBe(expected);
  });

  it("shows drafts only to their institution and the offices", () => {
    for (const role of roleCodes)
      for (const c of cases.filter((item) => item.status === "draft"))
        if (canSeeApplication(actor(role), application(c)))
          expect(["institution", "nationalOffice", "provincialOffice"]).toContain(role);
  });
});

describe("canActOnPublicNotice", () => {
  const publishers = ["national", "provincial", "organizer"] as const;
  it("lets the national office act on every notice and no role but the offices on any", () => {
    for (const scope of scopeNames)
      for (const training of publishers)
        for (const kind of ["training", "evaluation", null])
          for (const regionCode of [OWN, OTHER, null]) {
            const batch = { scope: scopes[scope], catalogPublisher: { training, evaluation: "national" } };
            expect(canActOnPublicNotice(actor("nationalOffice"), batch, { kind, regionCode })).toBe(true);
            for (const role of staffRolesExceptOffices)
              expect(canActOnPublicNotice(actor(role), batch, { kind, regionCode })).toBe(false);
          }
  });

  it("lets a provincial office act on its own region's batches and its own region's training list", () => {
    const office = actor("provincialOffice");
    for (const scope of scopeNames)
      for (const training of publishers)
        for (const kind of ["training", "evaluation", null])
          for (const regionCode of [OWN, OTHER, null]) {
            const batch = { scope: scopes[scope], catalogPublisher: { training, evaluation: "national" } };
            const expected =
              scope === "ownRegion" ||
              (scope === "national" &&
                training === "provincial" &&
                kind === "training" &&
                regionCode === OWN);
            expect(
              canActOnPublicNotice(office, batch, { kind, regionCode }),
              `${scope} ${training} ${kind} ${regionCode}`,
            ).toBe(expected);
          }
  });

  it("never gives a provincial office without a region a notice without a region", () => {
    const batch = {
      scope: scopes.national,
      catalogPublisher: { training: "provincial", evaluation: "national" },
    };
    expect(
      canActOnPublicNotice(actor("provincialOffice", null), batch, { kind: "training", regionCode: null }),
    ).toBe(false);
  });
});

describe("canActOnCatalogEntry", () => {
  it("lets the national office adjust every entry, other non-office roles none", () => {
    for (const scope of [...scopeNames, null])
      for (const regionCode of [OWN, OTHER, null]) {
        const entry = { regionCode, batchScope: scope === null ? null : scopes[scope] };
        expect(canActOnCatalogEntry(actor("nationalOffice"), entry)).toBe(true);
        for (const role of staffRolesExceptOffices)
          expect(canActOnCatalogEntry(actor(role), entry)).toBe(false);
      }
  });

  it("lets a provincial office adjust entries of its region's batches or of institutions in its region", () => {
    for (const scope of [...scopeNames, null])
      for (const regionCode of [OWN, OTHER, null]) {
        const entry = { regionCode, batchScope: scope === null ? null : scopes[scope] };
        expect(canActOnCatalogEntry(actor("provincialOffice"), entry), `${scope} ${regionCode}`).toBe(
          scope === "ownRegion" || regionCode === OWN,
        );
      }
  });
});

describe("regionFilter", () => {
  it("gives each role the filter its lists apply", () => {
    expect(regionFilter(actor("nationalOffice"))).toEqual({ kind: "all" });
    expect(regionFilter(actor("provincialOffice"))).toEqual({ kind: "regions", regionCodes: [OWN] });
    expect(regionFilter(actor("provincialOffice", null))).toEqual({ kind: "regions", regionCodes: [] });
    expect(regionFilter(actor("institution"))).toEqual({ kind: "institution", institutionId: "i1" });
    expect(regionFilter(actor("provincialRecommender"))).toEqual({
      kind: "recommender",
      recommenderType: "region",
      value: OWN,
    });
    expect(regionFilter(actor("industryRecommender"))).toEqual({
      kind: "recommender",
      recommenderType: "industry",
      value: INDUSTRY,
    });
    for (const role of ["receivingCentre", "expert", "admin"] as const)
      expect(regionFilter(actor(role))).toEqual({ kind: "none" });
  });

  it("admits by region only what the filter names", () => {
    const cases: [RegionFilter, string | null, boolean][] = [
      [{ kind: "all" }, null, true],
      [{ kind: "all" }, OTHER, true],
      [{ kind: "regions", regionCodes: [OWN] }, OWN, true],
      [{ kind: "regions", regionCodes: [OWN] }, OTHER, false],
      [{ kind: "regions", regionCodes: [OWN] }, null, false],
      [{ kind: "regions", regionCodes: [] }, OWN, false],
      [{ kind: "institution", institutionId: "i1" }, OWN, false],
      [{ kind: "recommender", recommenderType: "region", value: OWN }, OWN, false],
      [{ kind: "none" }, OWN, false],
    ];
    for (const [filter, region, expected] of cases) expect(regionFilterAdmits(filter, region)).toBe(expected);
  });
});

describe("canSuperviseCatalogEntry", () => {
  it("is the offices' region filter applied to the entry's region", () => {
    for (const role of roleCodes)
      for (const regionCode of [OWN, OTHER, null]) {
        const expected = role === "nationalOffice" || (role === "provincialOffice" && regionCode === OWN);
        expect(canSuperviseCatalogEntry(actor(role), { regionCode }), `${role} ${regionCode}`).toBe(expected);
      }
    expect(canSuperviseCatalogEntry(actor("provincialOffice", null), { regionCode: null })).toBe(false);
  });
});

describe("properties", () => {
  const region = fc.constantFrom(OWN, OTHER, "110000", null);
  const role = fc.constantFrom(...roleCodes);
  const scope = fc.oneof(
    fc.constant<BatchScope>({ level: "national" }),
    fc.constantFrom(OWN, OTHER, "110000").map<BatchScope>((code) => ({ level: "region", regionCode: code })),
  );
  const anActor = fc.record({ role, region }).map(({ role, region }) => actor(role, region));

  it("a region filter never admits an entry the actor may not supervise, nor refuses one it may", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Role>("nationalOffice", "provincialOffice"),
        region,
        region,
        (r, own, entry) => {
          const office = actor(r, own);
          expect(regionFilterAdmits(regionFilter(office), entry)).toBe(
            canSuperviseCatalogEntry(office, { regionCode: entry }),
          );
        },
      ),
    );
  });

  it("an office's region filter on the institution's region never admits an application it cannot see", () => {
    fc.assert(
      fc.property(
        anActor,
        region,
        scope,
        fc.constantFrom("draft", "submitted", "recommended"),
        (who, institutionRegion, batchScope, status) => {
          const application: ApplicationInJurisdiction = {
            institutionId: "i2",
            institutionRegion,
            status,
            recommenderType: null,
            recommenderValue: null,
            batch: { scope: batchScope, stages: [] },
          };
          if (regionFilterAdmits(regionFilter(who), institutionRegion))
            expect(canSeeApplication(who, application)).toBe(true);
        },
      ),
    );
  });

  it("a recommender's filter admits exactly the submitted applications routed to it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Role>("provincialRecommender", "industryRecommender"),
        fc.constantFrom("region", "industry"),
        fc.constantFrom(OWN, OTHER, INDUSTRY),
        scope,
        (r, recommenderType, recommenderValue, batchScope) => {
          const who = actor(r);
          const filter = regionFilter(who);
          if (filter.kind !== "recommender") throw new Error("a recommender filters by routing");
          const admitted = filter.recommenderType === recommenderType && filter.value === recommenderValue;
          const application: ApplicationInJurisdiction = {
            institutionId: "i2",
            institutionRegion: null,
            status: "submitted",
            recommenderType,
            recommenderValue,
            batch: { scope: batchScope, stages: [] },
          };
          expect(canSeeApplication(who, application)).toBe(admitted);
        },
      ),
    );
  });

  it("an office that acts on a batch sees every application of it, and only offices act on batches", () => {
    fc.assert(
      fc.property(anActor, scope, region, (who, batchScope, institutionRegion) => {
        if (!officeActsOnBatch(who, { scope: batchScope })) return;
        expect(["nationalOffice", "provincialOffice"]).toContain(who.role);
        expect(
          canSeeApplication(who, {
            institutionId: "i2",
            institutionRegion,
            status: "draft",
            recommenderType: null,
            recommenderValue: null,
            batch: { scope: batchScope, stages: [] },
          }),
        ).toBe(true);
      }),
    );
  });

  it("an office that acts on a batch acts on its notices and adjusts its entries", () => {
    fc.assert(
      fc.property(
        anActor,
        scope,
        region,
        fc.constantFrom("training", "evaluation"),
        (who, batchScope, r, kind) => {
          if (!officeActsOnBatch(who, { scope: batchScope })) return;
          const batch = {
            scope: batchScope,
            catalogPublisher: { training: "national", evaluation: "national" },
          };
          expect(canActOnPublicNotice(who, batch, { kind, regionCode: r })).toBe(true);
          expect(canActOnCatalogEntry(who, { regionCode: r, batchScope })).toBe(true);
        },
      ),
    );
  });
});
