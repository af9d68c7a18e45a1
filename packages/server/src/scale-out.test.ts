import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { shanghaiBatch3 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3FileStore } from "./storage/s3";
import {
  makeRegistration,
  makeStaff,
  publishOpenBatch,
  SAMPLE_PDF,
  submitCompleteApplication,
  TEST_PASSWORD,
} from "./test/factories";
import { createTestContext, type TestContext } from "./test/harness";
import { type Instance, startInstance, stopInstance, until } from "./test/instances";
import { startObjectStore, type TestObjectStore } from "./test/s3";

/*
 * The platform as it runs at scale: two real `linxuan serve` processes behind one address, sharing
 * one PostgreSQL database and one S3 store and nothing else — each has its own, empty data folder.
 * Whatever a person does through one instance, the other must see the same.
 */

const LOGIN_LIMIT = 6;

type Answer = { status: number; headers: Headers; body: any; raw: Buffer };

/** A browser over real HTTP: keeps its cookies and sends the CSRF header, to whichever instance. */
class Browser {
  private readonly cookies = new Map<string, string>();
  /** `address`: the client address a trusted proxy in front of the instances reports. */
  constructor(private readonly address?: string) {}

  async request(
    instance: Instance,
    method: string,
    url: string,
    body?: { json: unknown } | { form: FormData },
  ): Promise<Answer> {
    const mutating = method !== "GET";
    if (mutating && !this.cookies.has("lx_csrf")) await this.request(instance, "GET", "/api/auth/csrf");
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (mutating) headers["x-csrf-token"] = this.cookies.get("lx_csrf") ?? "";
    if (this.address) headers["x-forwarded-for"] = this.address;
    let payload: string | FormData | undefined;
    if (body && "json" in body) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body.json);
    } else if (body) payload = body.form;
    const response = await fetch(`http://127.0.0.1:${instance.port}${url}`, {
      method,
      headers,
      body: payload,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = cookie.split(";");
      const name = pair.slice(0, pair.indexOf("=")).trim();
      const value = pair.slice(pair.indexOf("=") + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (value === "" || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const raw = Buffer.from(await response.arrayBuffer());
    const json = (response.headers.get("content-type") ?? "").includes("json");
    return {
      status: response.status,
      headers: response.headers,
      body: json ? JSON.parse(raw.toString()) : null,
      raw,
    };
  }
  get(instance: Instance, url: string) {
    return this.request(instance, "GET", url);
  }
  post(instance: Instance, url: string, json: unknown = {}) {
    return this.request(instance, "POST", url, { json });
  }
  delete(instance: Instance, url: string) {
    return this.request(instance, "DELETE", url);
  }
  upload(instance: Instance, url: string, fields: Record<string, string>, file: Buffer) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("file", new Blob([file], { type: "application/pdf" }), "scan.pdf");
    return this.request(instance, "POST", url, { form });
  }
}

/** Every regular file under `dir`. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const sha256Of = (content: Buffer) => crypto.createHash("sha256").update(content).digest("hex");

/** A scan unique to the test, large enough to go up and come down in many chunks. */
const uniqueScan = () =>
  Buffer.concat([SAMPLE_PDF, crypto.randomBytes(3 * 1_048_576), Buffer.from(`%${crypto.randomUUID()}\n`)]);

describe.skipIf(!process.env.LINXUAN_TEST_DATABASE_URL)(
  "two `linxuan serve` instances on one PostgreSQL database and one S3 store (runs only with LINXUAN_TEST_DATABASE_URL)",
  () => {
    let s3: TestObjectStore;
    let ctx: TestContext;
    let batchId: string;
    let a: Instance;
    let b: Instance;
    const dataDirs: string[] = [];

    beforeAll(async () => {
      s3 = await startObjectStore();
      // The test's own in-process platform shares the database and the store (for seeding and captchas).
      ctx = await createTestContext("postgres", { objectStore: s3.config });
      batchId = await publishOpenBatch(ctx, shanghaiBatch3);
      const instanceEnv = () => {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-instance-"));
        dataDirs.push(dataDir);
        return {
          ...s3.env,
          LINXUAN_DATA_DIR: dataDir,
          LINXUAN_RATE_LIMIT_LOGIN: String(LOGIN_LIMIT),
          // Behind a proxy, as instances at scale are: the client address comes from X-Forwarded-For.
          LINXUAN_TRUST_PROXY: "true",
          LINXUAN_JOB_LEASE_SECONDS: "60",
        };
      };
      [a, b] = await Promise.all([startInstance(ctx, instanceEnv()), startInstance(ctx, instanceEnv())]);
    }, 180_000);
    afterAll(async () => {
      await stopInstance(a, "SIGKILL");
      await stopInstance(b, "SIGKILL");
      await ctx?.close();
      await s3?.close();
      for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("keeps a session made on A valid on B, and a file uploaded on A downloadable from B", async () => {
      const browser = new Browser();
      const registration = makeRegistration();
      // Captchas live in the shared database: one drawn through this process is good on A.
      const registered = await browser.post(a, "/api/auth/register", {
        ...registration,
        ...(await ctx.client().captcha()),
      });
      expect(registered.status, JSON.stringify(registered.body)).toBe(201);
      const me = await browser.get(b, "/api/auth/me");
      expect(me.status).toBe(200);
      expect(me.body.user.username).toBe(registration.creditCode);
      // A change through B with the session and CSRF token A gave.
      const created = await browser.post(b, "/api/applications", {
        batchId,
        kind: "training",
        occupation: "ai",
        levels: ["junior"],
        applicantCategory: "university",
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const applicationId = created.body.application.id as string;

      const scan = uniqueScan();
      const first = await browser.upload(
        a,
        `/api/applications/${applicationId}/attachments`,
        { code: "stampedForm", replace: "true" },
        scan,
      );
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body.attachment.sha256).toBe(sha256Of(scan));
      const downloaded = await browser.get(
        b,
        `/api/applications/${applicationId}/attachments/${first.body.attachment.id}`,
      );
      expect(downloaded.status).toBe(200);
      expect(downloaded.raw.equals(scan)).toBe(true);
      expect(downloaded.headers.get("content-length")).toBe(String(scan.length));
      expect(downloaded.headers.get("content-type")).toBe("application/pdf");
      expect(downloaded.headers.get("content-disposition")).toMatch(/^attachment;/);
      expect(downloaded.headers.get("x-content-type-options")).toBe("nosniff");
      // In the store, and nowhere in either instance's data folder.
      expect(await (await createS3FileStore(s3.config)).stat(sha256Of(scan))).toEqual({ size: scan.length });
      for (const dir of dataDirs)
        for (const file of filesUnder(dir)) expect(sha256Of(fs.readFileSync(file))).not.toBe(sha256Of(scan));

      // Replaced through B: the old file is gone through A, the new one is there.
      const rescan = uniqueScan();
      const second = await browser.upload(
        b,
        `/api/applications/${applicationId}/attachments`,
        { code: "stampedForm", replace: "true" },
        rescan,
      );
      expect(second.status, JSON.stringify(second.body)).toBe(201);
      const old = await browser.get(
        a,
        `/api/applications/${applicationId}/attachments/${first.body.attachment.id}`,
      );
      expect(old.status).toBe(404);
      const current = await browser.get(
        a,
        `/api/applications/${applicationId}/attachments/${second.body.attachment.id}`,
      );
      expect(current.status).toBe(200);
      expect(current.raw.equals(rescan)).toBe(true);
      // Deleted through B: gone through A too.
      const removed = await browser.delete(
        b,
        `/api/applications/${applicationId}/attachments/${second.body.attachment.id}`,
      );
      expect(removed.status).toBe(200);
      expect(removed.body.remaining).toBe(0);
      const gone = await browser.get(
        a,
        `/api/applications/${applicationId}/attachments/${second.body.attachment.id}`,
      );
      expect(gone.status).toBe(404);
      const listed = await browser.get(a, `/api/applications/${applicationId}`);
      expect(listed.body.application.attachments).toEqual([]);
    }, 120_000);

    it("counts the login limit over both instances together", async () => {
      const { creditCode } = await registeredInstitution();
      // One client address, its requests spread over both instances by the proxy.
      const address = `203.0.113.${crypto.randomInt(1, 255)}`;
      const statuses: number[] = [];
      let refusal: Answer | null = null;
      for (let i = 0; i < LOGIN_LIMIT + 2; i++) {
        const answer = await new Browser(address).post(i % 2 === 0 ? a : b, "/api/auth/login", {
          username: creditCode,
          password: TEST_PASSWORD,
        });
        statuses.push(answer.status);
        if (answer.status === 429) refusal = answer;
      }
      // Each instance alone would have let all eight through (four each, under its limit of six).
      expect(statuses).toEqual([...Array(LOGIN_LIMIT).fill(200), 429, 429]);
      expect(refusal?.body).toMatchObject({ code: "RATE_LIMITED", message: "操作过于频繁，请稍后再试" });
    }, 60_000);

    it("runs each queued job once between them, and serves its file from either", async () => {
      await submitCompleteApplication(ctx, { batchId, kind: "training", occupation: "cloud" });
      const centreName = await makeStaff(ctx, "receivingCentre", { regionCode: "310000" });
      const centre = new Browser();
      const login = await centre.post(b, "/api/auth/login", {
        username: centreName,
        password: TEST_PASSWORD,
      });
      expect(login.status, JSON.stringify(login.body)).toBe(200);
      const exportsBefore = await exportEvents();
      const jobIds: string[] = [];
      let submitted = 0;
      for (const instance of [a, b, a]) {
        const started = await centre.post(instance, `/api/batches/${batchId}/exports/applications`);
        expect(started.status, JSON.stringify(started.body)).toBe(202);
        jobIds.push(started.body.jobId);
        submitted = started.body.count;
      }
      expect(submitted).toBeGreaterThanOrEqual(1);
      await until("the exports to finish", async () => {
        const jobs = await ctx.deps.db
          .selectFrom("jobs")
          .select("status")
          .where("id", "in", jobIds)
          .execute();
        return jobs.every((job) => job.status === "done" || job.status === "failed");
      });
      const jobs = await ctx.deps.db.selectFrom("jobs").selectAll().where("id", "in", jobIds).execute();
      expect(jobs.map((job) => [job.status, Number(job.attempts)])).toEqual(jobIds.map(() => ["done", 1]));
      // Each export rendered each application once: no job ran twice.
      expect((await exportEvents()) - exportsBefore).toBe(jobIds.length * submitted);
      for (const [i, jobId] of jobIds.entries()) {
        const file = await centre.get(i % 2 === 0 ? b : a, `/api/jobs/${jobId}/file`);
        expect(file.status).toBe(200);
        expect(file.headers.get("content-type")).toBe("application/zip");
        expect(file.raw.subarray(0, 2).toString()).toBe("PK");
        expect(await (await createS3FileStore(s3.config)).stat(sha256Of(file.raw))).toEqual({
          size: file.raw.length,
        });
      }
      // Still nothing in the instances' own folders: uploads, exports and their temporary files.
      for (const dir of dataDirs) expect(filesUnder(dir)).toEqual([]);
    }, 180_000);

    async function registeredInstitution() {
      const registration = makeRegistration();
      const answer = await new Browser().post(b, "/api/auth/register", {
        ...registration,
        ...(await ctx.client().captcha()),
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return registration;
    }

    async function exportEvents() {
      const row = await ctx.deps.db
        .selectFrom("auditEvents")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("command", "=", "application.export")
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }
  },
);
