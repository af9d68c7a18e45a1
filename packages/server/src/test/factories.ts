import crypto from "node:crypto";
import {
  type BatchDefinition,
  computeCreditCodeCheckChar,
  type FormTemplate,
  getFormTemplate,
  makeDemoBatch,
  type OccupationCode,
  type Role,
  shanghaiBatch3,
} from "@linxuan/domain";
import { demoFormValues } from "../documents/demo-values";
import { insertBatch } from "../features/batches/queries";
import { createStaffUser } from "../features/users/service";
import { systemCaller } from "../http/deps";
import type { TestContext } from "./harness";

export const TEST_PASSWORD = "Test-Pass-2026";

let counter = 0;
/** A short suffix no other call returns, for names that must be unique (usernames, codes). */
export const unique = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${crypto.randomBytes(2).toString("hex")}`;

/** A fresh staff account per call; returns its username (password TEST_PASSWORD). */
export async function makeStaff(
  ctx: TestContext,
  role: Exclude<Role, "institution">,
  extra: { regionCode?: string; industryScope?: string } = {},
): Promise<string> {
  const username = `t-${role.slice(0, 8).toLowerCase()}-${unique()}`.slice(0, 32);
  const regional =
    role === "provincialOffice" || role === "provincialRecommender" || role === "receivingCentre";
  await createStaffUser(ctx.deps, systemCaller, {
    username,
    displayName: `测试${role}`,
    role,
    password: TEST_PASSWORD,
    regionCode: (extra.regionCode ?? (regional ? "310000" : null)) as never,
    industryScope: extra.industryScope ?? (role === "industryRecommender" ? "工业和信息化" : null),
  });
  return username;
}

/**
 * Wrong passwords for `username`, spread over addresses (a few from each, so no address is held
 * up), each with a solved captcha as the login form sends it once asked. Throws on any other answer.
 */
export async function failLogins(ctx: TestContext, username: string, times: number, perAddress = 4) {
  for (let i = 0; i < times; i++) {
    const client = ctx.client({ ip: `198.51.100.${Math.floor(i / perAddress) + 1}` });
    const response = await client.post("/api/auth/login", {
      username,
      password: "Wrong-Pass-9",
      ...(await client.captcha()),
    });
    if (response.body?.code !== "INVALID_CREDENTIALS")
      throw new Error(`failure ${i + 1} for ${username}: ${JSON.stringify(response.body)}`);
  }
}

/** A valid, unique 统一社会信用代码 registered in the given province (default Shanghai). */
// Seven free digits: drawn at random once, then counted up, so codes made in one test process never
// repeat (a fresh random draw per code collided now and then in worlds of a few hundred institutions).
let creditCodeSerial = crypto.randomInt(0, 10 ** 7);

export function makeCreditCode(regionCode = "310000"): string {
  creditCodeSerial = (creditCodeSerial + 1) % 10 ** 7;
  const digits = creditCodeSerial.toString().padStart(7, "0");
  // A prefecture-level code (440300) keeps its city; a province (440000) registers in its first city.
  const city = regionCode.slice(2, 4) === "00" ? "01" : regionCode.slice(2, 4);
  const body = `91${regionCode.slice(0, 2)}${city}01MA${digits}`;
  return `${body}${computeCreditCodeCheckChar(body)}`;
}

export function makeRegistration(overrides: Record<string, unknown> = {}) {
  return {
    creditCode: makeCreditCode(),
    institutionName: `测试数字技术培训中心${unique()}`,
    contactName: "张老师",
    phone: "13800138000",
    email: `contact-${unique()}@example.cn`,
    password: TEST_PASSWORD,
    ...overrides,
  };
}

/**
 * Publishes a 演示 copy of a seed batch whose online deadline is `daysAhead` days from now
 * (stored as a real batch when `isDemo` is false).
 */
export async function publishOpenBatch(
  ctx: TestContext,
  source: BatchDefinition,
  daysAhead = 30,
  codeSuffix = unique(),
  isDemo = true,
): Promise<string> {
  const definition = {
    ...makeDemoBatch(source, ctx.deps.clock(), daysAhead),
    code: `${source.code}-t${codeSuffix}`.slice(0, 64),
  };
  const id = crypto.randomUUID();
  await insertBatch(ctx.deps.db, {
    id,
    status: "published",
    builtIn: false,
    isDemo,
    definition,
    now: ctx.deps.clock().toISOString(),
    createdBy: null,
  });
  return id;
}

/** Registers an institution through the API and returns its signed-in client and credit code. */
export async function registerInstitution(ctx: TestContext, regionCode = "310000") {
  const client = ctx.client();
  const registration = makeRegistration({ creditCode: makeCreditCode(regionCode) });
  const response = await client.post("/api/auth/register", { ...registration, ...(await client.captcha()) });
  if (response.status !== 201) throw new Error(`register failed: ${JSON.stringify(response.body)}`);
  return { client, creditCode: registration.creditCode, name: registration.institutionName };
}

/** A complete, valid set of form values for a template, as a careful applicant would fill it. */
export function completeValues(template: FormTemplate, overrides: Record<string, unknown> = {}) {
  return { ...demoFormValues(template), commitmentAccepted: true, ...overrides };
}

/** A minimal valid PDF (what a scanner produces, in spirit). */
export const SAMPLE_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** A multipart/form-data body for app.inject. */
export function multipartBody(
  fields: Record<string, string>,
  file: { name: string; content: Buffer; type?: string },
) {
  const boundary = `----linxuan${crypto.randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
    ),
  );
  parts.push(file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * A new institution registered in `regionCode` that fills a complete form, uploads the required
 * attachments and submits: returns its client and the submitted application.
 */
export async function submitCompleteApplication(
  ctx: TestContext,
  options: {
    batchId: string;
    kind: "training" | "evaluation";
    occupation: string;
    regionCode?: string;
    applicantCategory?: string;
    recommender?: { type: "region" | "industry"; value: string };
  },
) {
  const institution = await registerInstitution(ctx, options.regionCode ?? "310000");
  const created = await institution.client.post("/api/applications", {
    batchId: options.batchId,
    kind: options.kind,
    occupation: options.occupation,
    levels: ["junior", "intermediate"],
    applicantCategory: options.applicantCategory ?? "university",
  });
  if (created.status !== 201) throw new Error(`start failed: ${JSON.stringify(created.body)}`);
  const application = created.body.application;
  const template = getFormTemplate(application.templateId);
  if (!template) throw new Error("no template");
  const saved = await institution.client.put(`/api/applications/${application.id}/draft`, {
    values: completeValues(template, { creditCode: institution.creditCode, occupation: options.occupation }),
    baseRevision: application.draftRevision,
  });
  if (saved.status !== 200) throw new Error(`save failed: ${JSON.stringify(saved.body)}`);
  const requiredCodes = (application.batch.requiredAttachments as { code: string; required: boolean }[])
    .filter((item) => item.required)
    .map((item) => item.code);
  for (const code of requiredCodes) {
    const uploaded = await institution.client.upload(
      `/api/applications/${application.id}/attachments`,
      multipartBody({ code, replace: "true" }, { name: `${code}.pdf`, content: SAMPLE_PDF }),
    );
    if (uploaded.status !== 201) throw new Error(`upload failed: ${JSON.stringify(uploaded.body)}`);
  }
  const submitted = await institution.client.post(`/api/applications/${application.id}/submit`, {
    recommender: options.recommender ?? null,
  });
  if (submitted.status !== 200) throw new Error(`submit failed: ${JSON.stringify(submitted.body)}`);
  return { ...institution, application: submitted.body.application };
}

/**
 * A submitted application moved straight to 审定通过 with its decision, for tests of the stages
 * after the decision (the review path itself is tested in the review feature).
 */
export async function approvedApplication(
  ctx: TestContext,
  options: Parameters<typeof submitCompleteApplication>[1],
  decidedAt = ctx.deps.clock().toISOString(),
) {
  const submitted = await submitCompleteApplication(ctx, options);
  await ctx.deps.db
    .updateTable("applications")
    .set({ status: "approved" })
    .where("id", "=", submitted.application.id)
    .execute();
  await ctx.deps.db
    .insertInto("decisions")
    .values({
      applicationId: submitted.application.id,
      batchId: options.batchId,
      decision: "approved",
      basis: "测试：审定通过",
      total: 88,
      decidedAt,
      decidedBy: "test",
    })
    .execute();
  return submitted;
}

/** A new staff account signed in: its username and its client. */
export async function signedInStaff(
  ctx: TestContext,
  role: Exclude<Role, "institution">,
  extra: { regionCode?: string; industryScope?: string } = {},
) {
  const username = await makeStaff(ctx, role, extra);
  const client = ctx.client();
  await client.login(username, TEST_PASSWORD);
  return { username, client };
}

export type PublicNoticeOptions = {
  /** How many approved training applications the notice lists. */
  count: number;
  /** The batch to publish from; by default a new 演示 copy of the Shanghai batch of its own. */
  batchId?: string;
  occupation?: OccupationCode;
  regionCode?: string;
  /** When the applications were decided (their catalog validity runs three years from it). */
  decidedAt?: string;
  /** When the notice starts; now by default. */
  startsAt?: string;
};

/** The 落款 and objection contacts an office enters when it publishes a notice. */
export const PUBLIC_NOTICE_CONTACTS = {
  issuingBody: "上海市人力资源和社会保障局",
  contactAddress: "上海市黄浦区南京西路1号",
  contactPhone: "021-62345678",
  contactEmail: "gongshi@example.gov.cn",
};

/**
 * A 公示 published through the API by a new provincial office over `count` approved training
 * applications (see `approvedApplication`), in a batch of its own unless one is given: the notice
 * lists exactly these. Returns the office's view of the notice, the applications in the order
 * they were approved, the batch, and the office (username and signed-in client).
 */
export async function publishedPublicNotice(ctx: TestContext, options: PublicNoticeOptions) {
  const regionCode = options.regionCode ?? "310000";
  const batchId = options.batchId ?? (await publishOpenBatch(ctx, shanghaiBatch3));
  const apps = [];
  for (let i = 0; i < options.count; i++) {
    apps.push(
      await approvedApplication(
        ctx,
        { batchId, kind: "training", occupation: options.occupation ?? "cloud", regionCode },
        options.decidedAt,
      ),
    );
  }
  const office = await signedInStaff(ctx, "provincialOffice", { regionCode });
  const published = await office.client.post("/api/public-notices", {
    batchId,
    kind: "training",
    regionCode,
    startsAt: options.startsAt ?? ctx.deps.clock().toISOString(),
    ...PUBLIC_NOTICE_CONTACTS,
  });
  if (published.status !== 201) throw new Error(`notice failed: ${JSON.stringify(published.body)}`);
  const publicNotice = published.body.publicNotice as {
    id: string;
    endsAt: string;
    lastDay: string;
    items: { id: string; applicationId: string; institutionName: string }[];
  };
  return { batchId, publicNotice, apps, officeName: office.username, office: office.client };
}

/**
 * A named objection filed through the public form of a 公示 (captcha solved, one PDF as
 * evidence); `fields` overrides the objector's details. Throws unless it is taken; returns the
 * acknowledgement number.
 */
export async function fileObjection(
  ctx: TestContext,
  publicNoticeId: string,
  itemId: string,
  fields: Record<string, string> = {},
): Promise<string> {
  const visitor = ctx.client();
  const filed = await visitor.upload(
    `/api/public/public-notices/${publicNoticeId}/objections`,
    multipartBody(
      {
        ...(await visitor.captcha()),
        itemId,
        name: "王五",
        organisation: "上海某科技公司",
        phone: "13912345678",
        email: `objector-${unique()}@example.cn`,
        content: "该机构近三年培训规模与实际不符，申报材料存在虚报。",
        ...fields,
      },
      { name: "证明.pdf", content: SAMPLE_PDF },
    ),
  );
  if (filed.status !== 201) throw new Error(`objection failed: ${JSON.stringify(filed.body)}`);
  return filed.body.ackNumber;
}

/**
 * Catalog entries as the platform lists them: a 公示 over `count` approved applications (see
 * `publishedPublicNotice`, starting now), the clock moved past its period and the office confirming it.
 * The clock is then put back where it was, so the test goes on at its own time; sessions used
 * before stay valid. Returns the notice's parts with each application's catalog entry id.
 */
export async function listedCatalogEntries(ctx: TestContext, options: Omit<PublicNoticeOptions, "startsAt">) {
  const held = ctx.heldAt();
  const published = await publishedPublicNotice(ctx, options);
  try {
    ctx.setNow(new Date(Date.parse(published.publicNotice.endsAt) + 60_000));
    // The office's session idled out over the period: it signs in again to confirm.
    await published.office.login(published.officeName, TEST_PASSWORD);
    const confirmed = await published.office.post(`/api/public-notices/${published.publicNotice.id}/confirm`);
    if (confirmed.status !== 200) throw new Error(`confirm failed: ${JSON.stringify(confirmed.body)}`);
  } finally {
    ctx.setNow(held);
  }
  const rows = await ctx.deps.db
    .selectFrom("catalogEntries")
    .select(["id", "applicationId"])
    .where(
      "applicationId",
      "in",
      published.apps.map((app) => app.application.id),
    )
    .execute();
  const entryOf = new Map(rows.map((row) => [row.applicationId, row.id]));
  const entries = published.apps.map((app) => {
    const entryId = entryOf.get(app.application.id);
    if (!entryId) throw new Error(`not listed: ${app.application.id}`);
    return { ...app, entryId };
  });
  return { ...published, entries };
}

/**
 * A Shanghai training institution listed in the catalog (see `listedCatalogEntries`), from the
 * given batch. Returns the catalog entry's id with the institution and its signed-in client.
 */
export async function listedInstitution(
  ctx: TestContext,
  options: { batchId: string; occupation: OccupationCode },
) {
  const listed = await listedCatalogEntries(ctx, { ...options, count: 1 });
  const [entry] = listed.entries;
  if (!entry) throw new Error("nothing listed");
  return entry;
}
