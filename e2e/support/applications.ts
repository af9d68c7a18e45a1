import type { Locator, Page } from "playwright-core";
import { DEMO_PASSWORD, type Platform } from "./platform";

/** The login name (统一社会信用代码) of a demo institution, by its name. */
export function institutionLogin(platform: Platform, name: string): string {
  const account = platform.accounts.find((item) => item.role === "institution" && item.displayName === name);
  if (!account) throw new Error(`no demo institution named ${name}`);
  return account.username;
}

export async function login(page: Page, platform: Platform, username: string): Promise<void> {
  await page.goto(`${platform.baseUrl}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByRole("heading", { name: "申报单位工作台" }).waitFor();
}

/** An input by its full accessible name (法定代表人身份证号, 培训教师第1行·姓名). */
export function field(page: Page, label: string): Locator {
  return page.getByLabel(label, { exact: true });
}

/** The cell around an input: the input and the messages under it. */
export function cellOf(page: Page, label: string): Locator {
  return page.locator(".lx-cell", { has: field(page, label) });
}

/** Picks an option of an antd select; `search` is typed first for searchable selects. */
export async function choose(page: Page, label: string, option: string, search?: string): Promise<void> {
  const input = field(page, label);
  await input.click();
  if (search) await input.fill(search);
  await page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
    .locator(`.ant-select-item-option[title="${option}"]`)
    .click();
}

/** Types a date into an antd date picker and confirms it. */
export async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = field(page, label);
  await input.click();
  await input.fill(date);
  await input.press("Enter");
}

/** 是 / 否 of a yes-no question. */
export async function answer(page: Page, label: string, yes: boolean): Promise<void> {
  await field(page, label)
    .getByRole("radio", { name: yes ? "是" : "否", exact: true })
    .check();
}

/** The autosave line above the form. */
export function saveStatus(page: Page): Locator {
  return page.locator(".lx-save-indicator");
}

/** Waits until the autosave has stored everything typed (it runs 3 s after typing stops). */
export async function waitSaved(page: Page): Promise<void> {
  await saveStatus(page)
    .getByText(/已自动保存 \d{2}:\d{2}:\d{2}/)
    .waitFor({ timeout: 20_000 });
}

/** Starts an application from the 新建申报 page and lands on its form. */
export async function startApplication(
  page: Page,
  platform: Platform,
  options: { batchTitle: RegExp; kind?: string; occupation: string; levels: string[]; category?: string },
): Promise<string> {
  await page.goto(`${platform.baseUrl}/workbench/applications/new`);
  await page.getByRole("radio", { name: options.batchTitle }).check();
  if (options.kind) await page.getByRole("radio", { name: options.kind, exact: true }).check();
  await page.getByRole("radio", { name: options.occupation, exact: true }).check();
  for (const level of options.levels) await page.getByRole("checkbox", { name: level, exact: true }).check();
  if (options.category) await page.getByRole("radio", { name: options.category, exact: true }).check();
  await page.getByRole("button", { name: "创建申报并开始填写" }).click();
  await page.waitForURL(/\/workbench\/applications\/[0-9a-f-]{36}$/);
  await page.getByRole("heading", { name: new RegExp(options.occupation) }).waitFor();
  return page.url().split("/").at(-1) ?? "";
}

/** A small but real PDF, as a scanner would produce (the server checks content, not names). */
export function samplePdf(title: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}
