import { chromium } from "playwright-core";
const base = "http://127.0.0.1:3300";
const [user, path, name, ...clicks] = process.argv.slice(2) as string[];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1440, height: 900 } });
const page = await context.newPage();
page.on("console", (m) => { if (m.type() === "error") console.log("console:", m.text()); });
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.goto(`${base}/login`);
await page.getByLabel("用户名").fill(user);
await page.getByLabel("密码").fill("Demo-Pass-2026");
await page.getByLabel("密码").press("Enter");
await page.waitForURL(/workbench|account/);
await page.goto(`${base}${path}`);
await page.waitForTimeout(2500);
for (const c of clicks) { if (c.startsWith("btn:")) await page.getByRole("button", { name: new RegExp(c.slice(4)) }).first().click(); else await page.getByText(c, { exact: true }).first().click(); await page.waitForTimeout(1500); }
await page.screenshot({ path: `/tmp/lxrev-work/${name}.png` });
await page.screenshot({ path: `/tmp/lxrev-work/${name}-full.png`, fullPage: true });
const h = await page.evaluate(() => document.body.scrollHeight);
for (let y = 900, i = 2; y < h && i < 6; y += 850, i++) { await page.evaluate((yy) => window.scrollTo(0, yy), y); await page.waitForTimeout(300); await page.screenshot({ path: `/tmp/lxrev-work/${name}-${i}.png` }); }
console.log(page.url());
await browser.close();
