import path from "node:path";
import { shanghaiDate, shanghaiMidnight } from "@linxuan/domain";
import Database from "better-sqlite3";
import type { Locator, Page } from "playwright-core";
import type { Platform } from "./platform";
import {
  type ApiClient,
  demoBatchId,
  expectStatus,
  type Institution,
  registerInstitution,
  submitApplication,
} from "./workflow";

/*
 * Data for the notice and catalog journeys. Institutions register, fill and submit through the
 * API; the review path (assignment, scores, decision) is not what these journeys are about, so
 * — like the server's `approvedApplication` factory — the application is moved to 审定通过 with
 * its decision directly in the database. Notices are published through the API; a notice's
 * period is moved into the past in the database, since the platform runs on the real clock.
 */

/** The SQLite file of a platform started by `startPlatform` (its data folder holds the downloads). */
export function databaseFile(platform: Pick<Platform, "downloadsDir">): string {
  return path.join(path.dirname(platform.downloadsDir), "linxuan.db");
}

/** Runs `change` on a second connection to the platform's database (WAL lets both work). */
export function withDatabase<T>(file: string, change: (db: Database.Database) => T): T {
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  try {
    return db.transaction(() => change(db))();
  } finally {
    db.close();
  }
}

/** 审定通过 with a decision at `decidedAt`, as the server's test factory records it. */
export function approveInDatabase(
  file: string,
  application: { id: string; batchId: string },
  decidedAt: string,
) {
  withDatabase(file, (db) => {
    const moved = db
      .prepare("update applications set status = 'approved', updated_at = ? where id = ?")
      .run(new Date().toISOString(), application.id);
    if (moved.changes !== 1) throw new Error(`no application ${application.id}`);
    db.prepare(
      `insert into decisions (application_id, batch_id, decision, basis, total, decided_at, decided_by)
       values (?, ?, 'approved', '浏览器测试：审定通过', 88, ?, 'e2e')`,
    ).run(application.id, application.batchId, decidedAt);
  });
}

export type ApprovedInstitution = Institution & { applicationId: string };

/**
 * Shanghai institutions (continuing-education bases at universities) that apply for training in
 * one occupation of the 【演示】 Shanghai batch and are approved.
 */
export async function approvedShanghaiInstitutions(
  platform: Pick<Platform, "baseUrl" | "downloadsDir">,
  names: string[],
  occupation: string,
  decidedAt = new Date().toISOString(),
): Promise<{ batchId: string; institutions: ApprovedInstitution[] }> {
  const batchId = await demoBatchId(platform as Platform, "shanghai");
  const institutions: ApprovedInstitution[] = [];
  for (const name of names) {
    const institution = await registerInstitution(platform as Platform, "310000", name);
    const application = await submitApplication(institution, {
      batchId,
      kind: "training",
      occupation,
      applicantCategory: "university",
    });
    approveInDatabase(databaseFile(platform), { id: application.id, batchId }, decidedAt);
    institutions.push({ ...institution, applicationId: application.id });
  }
  return { batchId, institutions };
}

export type PublishedPublicNotice = {
  id: string;
  title: string;
  endsAt: string;
  lastDay: string;
  items: { id: string; institutionName: string }[];
};

/** The 落款 and objection contacts the Shanghai office enters when publishing. */
export const PUBLIC_NOTICE_CONTACTS = {
  issuingBody: "上海市人力资源和社会保障局",
  contactAddress: "上海市黄浦区南京西路1号",
  contactPhone: "021-62345678",
  contactEmail: "gongshi@example.gov.cn",
};

/** Fills the 落款 and objection contacts of the 发布公示 form as an office would. */
export async function fillPublicNoticeContacts(page: Page, contacts = PUBLIC_NOTICE_CONTACTS) {
  await page.getByLabel("发布单位（落款）").fill(contacts.issuingBody);
  await page.getByLabel("受理异议的通讯地址").fill(contacts.contactAddress);
  await page.getByLabel("受理异议的联系电话").fill(contacts.contactPhone);
  await page.getByLabel("受理异议的电子邮箱").fill(contacts.contactEmail);
}

/** The office publishes the Shanghai training notice starting now. */
export async function publishShanghaiPublicNotice(
  office: ApiClient,
  batchId: string,
  startsAt = new Date().toISOString(),
): Promise<PublishedPublicNotice> {
  return expectStatus(
    await office.post("/api/public-notices", {
      batchId,
      kind: "training",
      regionCode: "310000",
      startsAt,
      ...PUBLIC_NOTICE_CONTACTS,
    }),
    201,
    "publish public notice",
  ).publicNotice;
}

/**
 * Moves a notice's whole period into the past: it started ten days ago and ended at 24:00 of
 * yesterday (Beijing), its last working day as far as the page is concerned.
 */
export function endPublicNoticeInDatabase(file: string, publicNoticeId: string, now = Date.now()) {
  const day = 86_400_000;
  const endsAt = Date.parse(shanghaiMidnight(shanghaiDate(now)));
  withDatabase(file, (db) => {
    const moved = db
      .prepare("update public_notices set starts_at = ?, ends_at = ?, last_day = ? where id = ?")
      .run(
        new Date(endsAt - 10 * day).toISOString(),
        new Date(endsAt).toISOString(),
        shanghaiDate(endsAt - 1),
        publicNoticeId,
      );
    if (moved.changes !== 1) throw new Error(`no notice ${publicNoticeId}`);
  });
}

/** The text decoration the browser draws for an element (line-through for a struck-out item). */
export function textDecoration(locator: Locator): Promise<string> {
  // The e2e project has no DOM types: the page's `getComputedStyle` is reached through globalThis.
  type Styles = { getComputedStyle: (element: unknown) => { textDecorationLine: string } };
  return locator.evaluate(
    (element) => (globalThis as unknown as Styles).getComputedStyle(element).textDecorationLine,
  );
}
