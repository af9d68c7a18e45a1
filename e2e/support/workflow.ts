import crypto from "node:crypto";
import { computeCreditCodeCheckChar, getFormTemplate, shanghaiDate } from "@linxuan/domain";
import type { Locator, Page } from "playwright-core";
import { demoFormValues } from "../../packages/server/src/documents/demo-values";
import { samplePdf } from "./applications";
import { DEMO_PASSWORD, type Platform } from "./platform";

/*
 * Data for the recommendation and review journeys, made through the HTTP API as a browser would
 * (cookies, the CSRF double-submit header): institutions that register, fill and submit, and
 * staff who act on them where the journey is not about that step.
 */

export type ApiResult = { status: number; body: any };

/** A cookie-keeping API client; mutating calls carry the CSRF header like the web app's. */
export class ApiClient {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  private async send(
    method: string,
    path: string,
    body?: RequestInit["body"],
    contentType?: string,
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (method !== "GET") {
      if (!this.cookies.has("lx_csrf")) await this.send("GET", "/api/auth/csrf");
      headers["x-csrf-token"] = this.cookies.get("lx_csrf") ?? "";
    }
    if (contentType) headers["content-type"] = contentType;
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  private async json(method: string, path: string, body?: unknown): Promise<ApiResult> {
    const response = await this.send(
      method,
      path,
      body === undefined ? undefined : JSON.stringify(body),
      body === undefined ? undefined : "application/json",
    );
    const text = await response.text();
    let parsed: any = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed };
  }

  get(path: string) {
    return this.json("GET", path);
  }
  post(path: string, body: unknown = {}) {
    return this.json("POST", path, body);
  }
  put(path: string, body: unknown) {
    return this.json("PUT", path, body);
  }
  /** A file download (Excel template, PDF) as bytes. */
  async download(path: string): Promise<Buffer> {
    const response = await this.send("GET", path);
    if (!response.ok) throw new Error(`download ${path}: HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
  async upload(path: string, fields: Record<string, string>, file: { name: string; content: Buffer }) {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append(
      "file",
      new Blob([new Uint8Array(file.content)], { type: "application/octet-stream" }),
      file.name,
    );
    const response = await this.send("POST", path, form);
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  }
}

/** Throws with the server's answer unless the call succeeded with `status`. */
export function expectStatus(result: ApiResult, status: number, what: string): any {
  if (result.status !== status)
    throw new Error(`${what}: HTTP ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

export async function apiLogin(platform: Platform, username: string, password = DEMO_PASSWORD) {
  const client = new ApiClient(platform.baseUrl);
  expectStatus(await client.post("/api/auth/login", { username, password }), 200, `login ${username}`);
  return client;
}

/** A valid, unique 统一社会信用代码 registered in the given province. */
export function newCreditCode(regionCode: string): string {
  const digits = crypto
    .randomInt(0, 10 ** 8)
    .toString()
    .padStart(8, "0");
  // A province (110000) registers in its first district; a city (440300) in the city itself.
  const area = regionCode.endsWith("0000") ? `${regionCode.slice(0, 2)}0101` : regionCode.slice(0, 6);
  const body = `91${area}MA${digits}`.slice(0, 17);
  return `${body}${computeCreditCodeCheckChar(body)}`;
}

export type Institution = { client: ApiClient; creditCode: string; name: string };

/** The fields of an answered captcha, as the form sends them with what the person read. */
export async function captchaFields(platform: Platform, client: ApiClient) {
  const { id } = expectStatus(await client.get("/api/captcha"), 200, "captcha");
  return { captchaId: id as string, captchaAnswer: platform.captchaAnswer(id) };
}

/** Reads the captcha shown in `scope` and types its answer, as a person would. */
export async function solveCaptcha(scope: Page | Locator, platform: Platform) {
  const picture = scope.locator("img[data-captcha-id]");
  await picture.waitFor();
  const id = (await picture.getAttribute("data-captcha-id")) ?? "";
  await scope.getByLabel("验证码", { exact: true }).fill(platform.captchaAnswer(id));
  return id;
}

/** A new institution registered in `regionCode`, signed in. */
export async function registerInstitution(platform: Platform, regionCode: string, name: string) {
  const client = new ApiClient(platform.baseUrl);
  const creditCode = newCreditCode(regionCode);
  expectStatus(
    await client.post("/api/auth/register", {
      ...(await captchaFields(platform, client)),
      creditCode,
      institutionName: name,
      contactName: "张老师",
      phone: "13800138000",
      email: `contact-${creditCode.toLowerCase()}@example.cn`,
      password: DEMO_PASSWORD,
    }),
    201,
    "register",
  );
  expectStatus(
    await client.post("/api/auth/login", { username: creditCode, password: DEMO_PASSWORD }),
    200,
    "login",
  );
  return { client, creditCode, name } satisfies Institution;
}

/** The published 【演示】 copy of the national or the Shanghai seed batch. */
export async function demoBatchId(platform: Platform, scope: "national" | "shanghai"): Promise<string> {
  const client = new ApiClient(platform.baseUrl);
  const { items } = expectStatus(await client.get("/api/public/batches"), 200, "batches");
  const batch = (
    items as { id: string; isDemo: boolean; scope: { level: string; regionCode?: string } }[]
  ).find(
    (item) =>
      item.isDemo &&
      (scope === "national" ? item.scope.level === "national" : item.scope.regionCode === "310000"),
  );
  if (!batch) throw new Error(`no 【演示】 ${scope} batch`);
  return batch.id;
}

/**
 * Starts an application, fills the whole form (the document samples' values with this
 * institution's name and credit code), uploads a small PDF for each attachment its batch requires and submits it.
 */
export async function submitApplication(
  institution: Institution,
  options: {
    batchId: string;
    kind: "training" | "evaluation";
    occupation: string;
    applicantCategory?: string;
    /** Required slots to leave empty (the stamped copy a batch takes after submission). */
    leaveOut?: string[];
    /** Leave it as a complete draft, for a journey that submits it on the page. */
    draftOnly?: boolean;
  },
): Promise<{ id: string; status: string }> {
  const { client } = institution;
  const created = expectStatus(
    await client.post("/api/applications", {
      batchId: options.batchId,
      kind: options.kind,
      occupation: options.occupation,
      levels: ["junior", "intermediate"],
      applicantCategory: options.applicantCategory ?? null,
    }),
    201,
    "start application",
  ).application;
  const template = getFormTemplate(created.templateId);
  if (!template) throw new Error(`no template ${created.templateId}`);
  const values = {
    ...demoFormValues(template),
    institutionName: institution.name,
    creditCode: institution.creditCode,
    occupation: options.occupation,
    commitmentAccepted: true,
  };
  expectStatus(
    await client.put(`/api/applications/${created.id}/draft`, {
      values,
      baseRevision: created.draftRevision,
    }),
    200,
    "save draft",
  );
  const requiredCodes = (created.batch.requiredAttachments as { code: string; required: boolean }[])
    .filter((item) => item.required && !options.leaveOut?.includes(item.code))
    .map((item) => item.code);
  for (const code of requiredCodes) {
    const uploaded = await client.upload(
      `/api/applications/${created.id}/attachments`,
      { code, replace: "true" },
      { name: `${code}.pdf`, content: samplePdf(code) },
    );
    expectStatus(uploaded, 201, `upload ${code}`);
  }
  if (options.draftOnly) return { id: created.id, status: created.status };
  return resubmit(institution, created.id);
}

/** Submits (again, after a return) without changing anything else. */
export async function resubmit(
  institution: Institution,
  id: string,
): Promise<{ id: string; status: string }> {
  return expectStatus(await institution.client.post(`/api/applications/${id}/submit`, {}), 200, "submit")
    .application;
}

/** Today in Beijing, YYYY-MM-DD. */
export function shanghaiToday(): string {
  return shanghaiDate(new Date());
}

/** The receiving centre records 一式N份 and passes the formal check (for journeys about later steps). */
export async function passFormalCheck(centre: ApiClient, id: string, copies = 2) {
  expectStatus(
    await centre.post(`/api/applications/${id}/paper-receipt`, { copies, receivedOn: shanghaiToday() }),
    200,
    "paper receipt",
  );
  expectStatus(await centre.post(`/api/applications/${id}/formal-check`), 200, "formal check");
}

/** Signs in through the login page and waits for the workbench. */
export async function loginAs(page: Page, platform: Platform, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${platform.baseUrl}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByLabel("密码").press("Enter");
  await page.waitForURL(/\/(workbench|account)/);
}

/** The open antd modal whose title matches. */
export function modal(page: Page, title: string | RegExp) {
  return page.locator(".ant-modal-wrap:visible .ant-modal").filter({ hasText: title }).last();
}

/** Clicks the OK button of antd's confirm dialog. */
export async function confirmDialog(page: Page, okText: string | RegExp) {
  await page.locator(".ant-modal-confirm:visible").getByRole("button", { name: okText }).click();
}
