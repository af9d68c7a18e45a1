// Scratch: builds a submitted-then-returned application on the running demo server (port 3200).
import { chromium } from "playwright-core";
import { shanghaiTrainingV1 } from "./packages/domain/src";
import { demoFormValues } from "./packages/server/src/documents/demo-values";

const base = "http://127.0.0.1:3200";
const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});

async function session(username: string) {
  const context = await browser.newContext({
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1366, height: 900 },
  });
  const r = context.request;
  await r.get(`${base}/api/auth/csrf`);
  const token = async () => (await context.cookies()).find((c) => c.name === "lx_csrf")?.value ?? "";
  const post = async (path: string, data: unknown, method = "POST") => {
    const res = await r.fetch(`${base}/api${path}`, {
      method,
      data,
      headers: { "x-csrf-token": await token() },
    });
    return { status: res.status(), body: await res.json().catch(() => null) };
  };
  const login = await post("/auth/login", { username, password: "Demo-Pass-2026" });
  if (login.status !== 200) throw new Error(JSON.stringify(login.body));
  return { context, post, token, r };
}

const inst = await session("52310115MJ5001234E");
const created = await inst.post("/applications", {
  batchId: process.argv[2],
  kind: "training",
  occupation: "cloud",
  levels: ["junior", "senior"],
  applicantCategory: "continuingEducationBase",
});
console.log("created", created.status, created.body?.code);
const app = created.body.application;
const values = {
  ...demoFormValues(shanghaiTrainingV1),
  creditCode: "52310115MJ5001234E",
  commitmentAccepted: true,
  occupation: "cloud",
  levels: ["junior", "senior"],
};
const saved = await inst.post(
  `/applications/${app.id}/draft`,
  { values, baseRevision: app.draftRevision },
  "PUT",
);
console.log("saved", saved.status, saved.body?.issues?.length);
for (const code of ["stampedForm", "legalRegistrationCertificate", "creditReport"]) {
  const res = await inst.r.post(`${base}/api/applications/${app.id}/attachments`, {
    headers: { "x-csrf-token": await inst.token() },
    multipart: {
      code,
      replace: "true",
      file: { name: `${code}.pdf`, mimeType: "application/pdf", buffer: pdf },
    },
  });
  console.log("upload", code, res.status());
}
const submitted = await inst.post(`/applications/${app.id}/submit`, {});
console.log("submitted", submitted.status, JSON.stringify(submitted.body).slice(0, 300));
const centre = await session("sh-centre");
const returned = await centre.post(`/applications/${app.id}/return`, {
  reason: "单位地址请填写到门牌号；已有培训情况简述请补充近五年课程清单。",
  fieldComments: [{ path: "address", message: "缺门牌号" }],
  replyBy: new Date(Date.now() + 7 * 86400000).toISOString(),
});
console.log("returned", returned.status, JSON.stringify(returned.body).slice(0, 200));
console.log(app.id);
await browser.close();
