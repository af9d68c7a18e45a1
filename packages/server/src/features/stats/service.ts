import {
  applicationStatusNames,
  type KindCode,
  kindName,
  type OccupationCode,
  occupationName,
  type RegionFilter,
  regionName,
  stageNames,
} from "@linxuan/domain";
import ExcelJS from "exceljs";
import { regionCondition } from "../../db/region-filter";
import type { Deps } from "../../http/deps";
import { listBatchRows, parseDefinition } from "../batches/service";

export type StatsFilter = {
  batchId?: string | undefined;
  region?: string | undefined;
  kind?: KindCode | undefined;
  /** The viewer's jurisdiction (`regionFilter`) when it is narrower than all: figures of its regions only. */
  jurisdiction?: RegionFilter | undefined;
};

const count = <T>(items: T[], key: (item: T) => string) => {
  const map = new Map<string, number>();
  for (const item of items) map.set(key(item), (map.get(key(item)) ?? 0) + 1);
  return map;
};

/** Where an application has got to, for the funnel: each stage counts what reached it. */
const funnelOrder = [
  {
    stage: "submitted",
    name: "已提交",
    statuses: [
      "submitted",
      "resubmitted",
      "returned",
      "recommended",
      "notRecommended",
      "formallyChecked",
      "underReview",
      "reviewed",
      "approved",
      "rejected",
      "inPublicNotice",
      "listed",
      "removed",
    ],
  },
  {
    stage: "passedFirstStage",
    name: "通过推荐或形式审查",
    statuses: [
      "recommended",
      "formallyChecked",
      "underReview",
      "reviewed",
      "approved",
      "rejected",
      "inPublicNotice",
      "listed",
      "removed",
    ],
  },
  {
    stage: "reviewed",
    name: "专家评议",
    statuses: ["underReview", "reviewed", "approved", "rejected", "inPublicNotice", "listed", "removed"],
  },
  { stage: "approved", name: "审定通过", statuses: ["approved", "inPublicNotice", "listed", "removed"] },
  { stage: "listed", name: "纳入目录", statuses: ["listed"] },
];

/** The office dashboard's figures, filtered by batch, region and kind. */
export async function dashboard(deps: Deps, filter: StatsFilter) {
  const jurisdiction = filter.jurisdiction?.kind === "all" ? undefined : filter.jurisdiction;
  let query = deps.db
    .selectFrom("applications")
    .innerJoin("institutions", "institutions.id", "applications.institutionId")
    .select([
      "applications.id",
      "applications.kind",
      "applications.occupation",
      "applications.status",
      "applications.batchId",
      "institutions.regionCode",
    ]);
  if (filter.batchId) query = query.where("applications.batchId", "=", filter.batchId);
  if (filter.region) query = query.where("institutions.regionCode", "=", filter.region);
  if (jurisdiction) query = query.where((eb) => regionCondition(eb, "institutions.regionCode", jurisdiction));
  if (filter.kind) query = query.where("applications.kind", "=", filter.kind);
  const apps = await query.execute();
  let catalogQuery = deps.db
    .selectFrom("catalogEntries")
    .select(["regionCode", "occupation", "kind"])
    .where("removed", "=", 0);
  if (filter.region) catalogQuery = catalogQuery.where("regionCode", "=", filter.region);
  if (jurisdiction)
    catalogQuery = catalogQuery.where((eb) => regionCondition(eb, "regionCode", jurisdiction));
  if (filter.kind) catalogQuery = catalogQuery.where("kind", "=", filter.kind);
  if (filter.batchId) catalogQuery = catalogQuery.where("batchId", "=", filter.batchId);
  const catalog = await catalogQuery.execute();
  let loadQuery = deps.db
    .selectFrom("reviewAssignments")
    .innerJoin("experts", "experts.id", "reviewAssignments.expertId")
    .leftJoin("scoreSheets", "scoreSheets.assignmentId", "reviewAssignments.id")
    .innerJoin("applications", "applications.id", "reviewAssignments.applicationId")
    .innerJoin("institutions", "institutions.id", "applications.institutionId")
    .select(["experts.name", "scoreSheets.status"])
    .where("reviewAssignments.removedAt", "is", null);
  // Expert figures follow the same filters, so a province sees only the reviews of its applicants.
  if (filter.region) loadQuery = loadQuery.where("institutions.regionCode", "=", filter.region);
  if (jurisdiction)
    loadQuery = loadQuery.where((eb) => regionCondition(eb, "institutions.regionCode", jurisdiction));
  if (filter.kind) loadQuery = loadQuery.where("applications.kind", "=", filter.kind);
  if (filter.batchId) loadQuery = loadQuery.where("reviewAssignments.batchId", "=", filter.batchId);
  const loads = await loadQuery.execute();

  // Withdrawn applications left the selection: counted under their status, not as submitted.
  const submitted = apps.filter((app) => app.status !== "draft" && app.status !== "withdrawn");
  const byExpert = new Map<string, { assigned: number; submitted: number }>();
  for (const row of loads) {
    const entry = byExpert.get(row.name) ?? { assigned: 0, submitted: 0 };
    entry.assigned++;
    if (row.status === "submitted") entry.submitted++;
    byExpert.set(row.name, entry);
  }
  return {
    totals: { drafts: apps.length - submitted.length, submitted: submitted.length, listed: catalog.length },
    byOccupation: [...count(submitted, (app) => `${app.kind}|${app.occupation}`)].map(([key, value]) => {
      const [kind, occupation] = key.split("|") as [KindCode, OccupationCode];
      return {
        kind,
        kindName: kindName(kind),
        occupation,
        occupationName: occupationName(occupation),
        count: value,
      };
    }),
    byRegion: [...count(submitted, (app) => app.regionCode ?? "unknown")]
      .map(([region, value]) => ({ region, regionName: regionName(region) ?? "未知", count: value }))
      .sort((a, b) => b.count - a.count),
    byKind: [...count(submitted, (app) => app.kind)].map(([kind, value]) => ({
      kind: kind as KindCode,
      kindName: kindName(kind as KindCode),
      count: value,
    })),
    byStatus: [...count(apps, (app) => app.status)].map(([status, value]) => ({
      status,
      statusName: applicationStatusNames[status as keyof typeof applicationStatusNames] ?? status,
      count: value,
    })),
    funnel: funnelOrder.map((step) => ({
      stage: step.stage,
      name: step.name,
      count: apps.filter((app) => step.statuses.includes(app.status)).length,
    })),
    catalogCoverage: [...count(catalog, (entry) => `${entry.regionCode ?? ""}|${entry.occupation}`)].map(
      ([key, value]) => {
        const [region = "", occupation] = key.split("|");
        return {
          region,
          regionName: regionName(region) ?? "未知",
          occupation: occupation as OccupationCode,
          occupationName: occupationName(occupation as OccupationCode),
          count: value,
        };
      },
    ),
    expertLoad: [...byExpert]
      .map(([name, value]) => ({ name, ...value }))
      .sort((a, b) => b.assigned - a.assigned),
    reviewProgress: {
      assigned: loads.length,
      submitted: loads.filter((row) => row.status === "submitted").length,
    },
  };
}

/** The same figures as a workbook, one sheet per table. */
export async function dashboardXlsx(deps: Deps, filter: StatsFilter) {
  const data = await dashboard(deps, filter);
  const workbook = new ExcelJS.Workbook();
  const sheet = (name: string, header: string[], rows: (string | number)[][]) => {
    const ws = workbook.addWorksheet(name);
    ws.addRow(header).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    ws.columns.forEach((column) => {
      column.width = 18;
    });
  };
  sheet(
    "按职业",
    ["机构类型", "职业", "申报数"],
    data.byOccupation.map((item) => [item.kindName, item.occupationName, item.count]),
  );
  sheet(
    "按地区",
    ["地区", "申报数"],
    data.byRegion.map((item) => [item.regionName, item.count]),
  );
  sheet(
    "按状态",
    ["状态", "数量"],
    data.byStatus.map((item) => [item.statusName, item.count]),
  );
  sheet(
    "流程漏斗",
    ["环节", "数量"],
    data.funnel.map((item) => [item.name, item.count]),
  );
  sheet(
    "目录覆盖",
    ["地区", "职业", "目录机构数"],
    data.catalogCoverage.map((item) => [item.regionName, item.occupationName, item.count]),
  );
  sheet(
    "专家评议",
    ["专家", "分配", "已提交"],
    data.expertLoad.map((item) => [item.name, item.assigned, item.submitted]),
  );
  return {
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
    fileName: "遴选统计.xlsx",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };
}

/** Counts only, for the public statistics page. */
export async function publicStats(deps: Deps) {
  const [batches, submitted, catalog] = await Promise.all([
    deps.db
      .selectFrom("batches")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("status", "=", "published")
      .where("isDemo", "=", 0)
      .executeTakeFirstOrThrow(),
    // Demo batches are not counted in public figures, on either side.
    deps.db
      .selectFrom("applications")
      .innerJoin("batches", "batches.id", "applications.batchId")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("applications.status", "not in", ["draft", "withdrawn"])
      .where("batches.isDemo", "=", 0)
      .executeTakeFirstOrThrow(),
    deps.db
      .selectFrom("catalogEntries")
      .innerJoin("batches", "batches.id", "catalogEntries.batchId")
      .select(["catalogEntries.kind"])
      .where("catalogEntries.removed", "=", 0)
      .where("catalogEntries.validUntil", ">", deps.clock().toISOString())
      .where("batches.isDemo", "=", 0)
      .execute(),
  ]);
  return {
    publishedBatches: Number(batches.n),
    submittedApplications: Number(submitted.n),
    catalog: {
      total: catalog.length,
      training: catalog.filter((entry) => entry.kind === "training").length,
      evaluation: catalog.filter((entry) => entry.kind === "evaluation").length,
    },
  };
}

type Deadline = {
  batchId: string;
  batchTitle: string;
  isDemo: boolean;
  kind: string;
  name: string;
  at: string;
};

/** Every published batch's dates, for the deadline calendar and its .ics feed. */
export async function deadlines(deps: Deps): Promise<Deadline[]> {
  const rows = await listBatchRows(deps.db, { status: "published" });
  return rows
    .flatMap((row) => {
      const batch = parseDefinition(row);
      const base = { batchId: row.id, batchTitle: batch.shortTitle, isDemo: row.isDemo === 1 };
      const items: Deadline[] = [
        { ...base, kind: "onlineDeadline", name: "网上申报截止", at: batch.onlineDeadline },
      ];
      if (batch.paperDeadline)
        items.push({
          ...base,
          kind: "paperDeadline",
          name: batch.paperCopies > 0 ? `纸质材料报送截止（一式${batch.paperCopies}份）` : "纸质材料报送截止",
          at: batch.paperDeadline,
        });
      for (const stage of batch.stages) {
        if (stage.opensAt && stage.code !== "submission")
          items.push({
            ...base,
            kind: `${stage.code}.opens`,
            name: `${stageNames[stage.code]}开始`,
            at: stage.opensAt,
          });
        if (stage.closesAt && stage.code !== "submission")
          items.push({
            ...base,
            kind: `${stage.code}.closes`,
            name: `${stageNames[stage.code]}截止`,
            at: stage.closesAt,
          });
      }
      return items;
    })
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** RFC 5545 calendar of the deadlines (UTC times, folded lines, escaped text). */
export function deadlinesIcs(items: Deadline[], now: Date): string {
  const stamp = (iso: string) =>
    new Date(iso)
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
  const escapeText = (text: string) =>
    text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
  const fold = (line: string) => {
    const parts: string[] = [];
    let rest = line;
    while (Buffer.byteLength(rest) > 73) {
      let cut = 73;
      while (Buffer.byteLength(rest.slice(0, cut)) > 73) cut--;
      parts.push(rest.slice(0, cut));
      rest = ` ${rest.slice(cut)}`;
    }
    parts.push(rest);
    return parts.join("\r\n");
  };
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Linxuan//遴选平台//ZH",
    "CALSCALE:GREGORIAN",
    "X-WR-CALNAME:遴选平台 关键日期",
    "X-WR-TIMEZONE:Asia/Shanghai",
  ];
  for (const item of items) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${item.batchId}-${item.kind}@linxuan`,
      `DTSTAMP:${stamp(now.toISOString())}`,
      `DTSTART:${stamp(item.at)}`,
      `DTEND:${stamp(item.at)}`,
      `SUMMARY:${escapeText(`${item.isDemo && !item.batchTitle.startsWith("【演示】") ? "【演示】" : ""}${item.batchTitle}：${item.name}`)}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
