import { nationalBatch2, shanghaiBatch3 } from "@linxuan/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { down, up } from "../../db/migrations/2026-12-07-status-objection-investigating";
import {
  approvedApplication,
  fileObjection,
  makeStaff,
  multipartBody,
  PUBLIC_NOTICE_CONTACTS,
  publishedPublicNotice,
  publishOpenBatch,
  SAMPLE_PDF,
  signedInStaff,
  TEST_PASSWORD,
} from "../../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";

describe.each(testDatabases)("public notice and objections on %s", (kind) => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext(kind, { uploadMaxBytes: 200_000 });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("refuses a notice whose period reaches a year without calendar data", async () => {
    const batchId = await publishOpenBatch(ctx, shanghaiBatch3);
    await approvedApplication(ctx, { batchId, kind: "training", occupation: "cloud" });
    const { client: office } = await signedInStaff(ctx, "provincialOffice", { regionCode: "310000" });
    const response = await office.post("/api/public-notices", {
      batchId,
      kind: "training",
      regionCode: "310000",
      startsAt: "2027-05-06T09:00:00+08:00",
      ...PUBLIC_NOTICE_CONTACTS,
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe("CALENDAR_YEAR_UNKNOWN");
    expect(response.body.message).toContain("2027年");
  });

  it("publishes the approved applications with the end counted in working days", async () => {
    const batchId = await publishOpenBatch(ctx, shanghaiBatch3);
    const apps = [];
    for (let i = 0; i < 3; i++)
      apps.push(await approvedApplication(ctx, { batchId, kind: "training", occupation: "cloud" }));
    const { client: office } = await signedInStaff(ctx, "provincialOffice", { regionCode: "310000" });
    const start = new Date(Date.now() + 60_000).toISOString();
    const response = await office.post("/api/public-notices", {
      batchId,
      kind: "training",
      regionCode: "310000",
      startsAt: start,
      ...PUBLIC_NOTICE_CONTACTS,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const publicNoticeId = response.body.publicNotice.id;
    expect(response.body.publicNotice.items).toHaveLength(3);
    expect(response.body.publicNotice.workdays).toBe(5);
    // Before the start the public sees the notice but not yet its list.
    const early = await ctx.client().get(`/api/public/public-notices/${publicNoticeId}`);
    expect(early.body.publicNotice).toMatchObject({ phase: "upcoming", items: [] });
    const listed = await ctx.client().get("/api/public/public-notices");
    expect(listed.body.items.find((item: { id: string }) => item.id === publicNoticeId)).toMatchObject({
      kind: "training",
      regionCode: "310000",
      phase: "upcoming",
      workdays: 5,
    });
    const officeView = await office.get(`/api/public-notices/${publicNoticeId}`);
    expect(
      officeView.body.publicNotice.items
        .map((item: { institutionName: string }) => item.institutionName)
        .sort(),
    ).toEqual(apps.map((a) => a.name).sort());
    ctx.setNow(new Date(Date.now() + 120_000));
    try {
      const publicView = await ctx.client().get(`/api/public/public-notices/${publicNoticeId}`);
      expect(publicView.body.publicNotice.phase).toBe("open");
      expect(
        publicView.body.publicNotice.items
          .map((item: { institutionName: string }) => item.institutionName)
          .sort(),
      ).toEqual(apps.map((a) => a.name).sort());
      expect(publicView.body.publicNotice.items[0]).not.toHaveProperty("applicationId");
    } finally {
      ctx.setNow(null);
    }
    const app = await office.get(`/api/applications/${apps[0]?.application.id}`);
    expect(app.body.application.status).toBe("inPublicNotice");
    const xlsx = await ctx.client().get(`/api/public/public-notices/${publicNoticeId}/list.xlsx`);
    expect(xlsx.raw.subarray(0, 2).toString()).toBe("PK");
    const pdf = await ctx.client().get(`/api/public/public-notices/${publicNoticeId}/list.pdf`);
    expect(pdf.raw.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("takes named objections during the window only, with evidence limits, and reports status by number and phone", async () => {
    const published = await publishedPublicNotice(ctx, {
      count: 2,
      startsAt: new Date(Date.now() + 60_000).toISOString(),
    });
    const publicNoticeId = published.publicNotice.id;
    ctx.setNow(new Date(Date.parse(published.publicNotice.endsAt) - 86_400_000));
    try {
      // Sessions expire after 30 idle minutes: sign in again at the simulated time.
      const office = ctx.client();
      await office.login(published.officeName, TEST_PASSWORD);
      const publicNotice = await ctx.client().get(`/api/public/public-notices/${publicNoticeId}`);
      const [first, second] = publicNotice.body.publicNotice.items;
      const visitor = ctx.client();
      // The form always carries the picture's answer: none, or a wrong one, files nothing.
      const objection = {
        itemId: first.id,
        name: "王五",
        organisation: "上海某科技公司",
        phone: "13912345678",
        email: "wangwu@example.cn",
        content: "该机构近三年培训规模与实际不符，申报材料存在虚报。",
      };
      const evidenceFile = { name: "证明.pdf", content: SAMPLE_PDF };
      const url = `/api/public/public-notices/${publicNoticeId}/objections`;
      const none = await visitor.upload(url, multipartBody(objection, evidenceFile));
      expect(none.status).toBe(400);
      expect(none.body).toMatchObject({
        code: "CAPTCHA_REQUIRED",
        fields: [{ path: "captchaAnswer", message: "请输入图中的字符" }],
      });
      const captcha = await visitor.captcha();
      const wrong = await visitor.upload(
        url,
        multipartBody({ ...objection, captchaId: captcha.captchaId, captchaAnswer: "WXYZ" }, evidenceFile),
      );
      expect(wrong.status).toBe(400);
      expect(wrong.body.code).toBe("CAPTCHA_INVALID");
      const reused = await visitor.upload(url, multipartBody({ ...objection, ...captcha }, evidenceFile));
      expect(reused.body.code).toBe("CAPTCHA_INVALID");
      const filedSoFar = await ctx.deps.db
        .selectFrom("objections")
        .select("id")
        .where("publicNoticeId", "=", publicNoticeId)
        .execute();
      expect(filedSoFar).toEqual([]);
      const filed = await visitor.upload(
        `/api/public/public-notices/${publicNoticeId}/objections`,
        multipartBody(
          {
            ...(await visitor.captcha()),
            itemId: first.id,
            name: "王五",
            organisation: "上海某科技公司",
            phone: "13912345678",
            email: "wangwu@example.cn",
            content: "<b>该机构</b>近三年培训规模与实际不符，申报材料存在虚报。",
          },
          { name: "证明.pdf", content: SAMPLE_PDF },
        ),
      );
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      expect(filed.body.ackNumber).toMatch(/^YY\d{8}[A-Z2-9]{6}$/);
      const big = await visitor.upload(
        `/api/public/public-notices/${publicNoticeId}/objections`,
        multipartBody(
          {
            ...(await visitor.captcha()),
            itemId: second.id,
            name: "赵六",
            organisation: "个人",
            phone: "13912345679",
            email: "zl@example.cn",
            content: "该机构师资情况与申报不符，请核查。",
          },
          { name: "大文件.pdf", content: Buffer.concat([SAMPLE_PDF, Buffer.alloc(300_000, 0x20)]) },
        ),
      );
      expect(big.status).toBe(413);
      expect(big.body.message).toContain("大小限制");
      const status = await visitor.post("/api/public/objections/status", {
        ackNumber: filed.body.ackNumber,
        phone: "13912345678",
      });
      expect(status.body).toMatchObject({ statusName: "已受理登记", institutionName: first.institutionName });
      expect(
        (
          await visitor.post("/api/public/objections/status", {
            ackNumber: filed.body.ackNumber,
            phone: "13900000000",
          })
        ).status,
      ).toBe(404);
      const list = await office.get(`/api/public-notices/${publicNoticeId}/objections`);
      expect(list.body.items[0].content).toBe("<b>该机构</b>近三年培训规模与实际不符，申报材料存在虚报。");
      // The evidence keeps its recorded type and downloads as stored: a stream the contract leaves alone.
      const [evidence] = list.body.items[0].evidence;
      expect(evidence).toMatchObject({ fileName: "证明.pdf", contentType: "application/pdf" });
      const download = await office.get(`/api/evidence/${evidence.sha256}`);
      expect(download.status).toBe(200);
      expect(download.headers["content-type"]).toBe("application/pdf");
      expect(download.raw.equals(SAMPLE_PDF)).toBe(true);
      // The office upholds it: the institution leaves the notice.
      const upheld = await office.post(`/api/objections/${list.body.items[0].id}/handle`, {
        action: "uphold",
        note: "经核实，培训规模存在虚报",
      });
      expect(upheld.status).toBe(200);
      const after = await ctx.client().get(`/api/public/public-notices/${publicNoticeId}`);
      expect(after.body.publicNotice.items.find((item: { id: string }) => item.id === first.id).status).toBe(
        "removed",
      );
      const third = await visitor.upload(
        `/api/public/public-notices/${publicNoticeId}/objections`,
        multipartBody(
          {
            ...(await visitor.captcha()),
            itemId: second.id,
            name: "赵六",
            organisation: "个人",
            phone: "13912345679",
            email: "zl@example.cn",
            content: "该机构师资情况与申报不符，请核查。",
          },
          { name: "说明.png", content: Buffer.from("89504e470d0a1a0a0000000d49484452", "hex") },
        ),
      );
      expect(third.status).toBe(201);
      const pending = (await office.get(`/api/public-notices/${publicNoticeId}/objections`)).body.items.find(
        (item: { ackNumber: string }) => item.ackNumber === third.body.ackNumber,
      );
      expect(
        (
          await office.post(`/api/objections/${pending.id}/handle`, {
            action: "accept",
            note: "受理，调查中",
          })
        ).status,
      ).toBe(200);
      expect((await office.post(`/api/public-notices/${publicNoticeId}/confirm`)).body.message).toContain(
        "公示结束后",
      );
    } finally {
      ctx.setNow(null);
    }
  });

  it("keeps an objection under investigation as `investigating`, and renames rows stored as `accepted`", async () => {
    const published = await publishedPublicNotice(ctx, { count: 1 });
    const publicNoticeId = published.publicNotice.id;
    const [item] = published.publicNotice.items;
    if (!item) throw new Error("no item");
    const ack = await fileObjection(ctx, publicNoticeId, item.id);
    const listed = async () =>
      (await published.office.get(`/api/public-notices/${publicNoticeId}/objections`)).body.items.find(
        (objection: { ackNumber: string }) => objection.ackNumber === ack,
      );
    const objection = await listed();
    const handled = await published.office.post(`/api/objections/${objection.id}/handle`, {
      action: "accept",
      note: "受理，调查中",
    });
    expect(handled.status, JSON.stringify(handled.body)).toBe(200);
    expect(await listed()).toMatchObject({ status: "investigating", statusName: "调查核实中" });
    const stored = async () =>
      (
        await ctx.deps.db
          .selectFrom("objections")
          .select("status")
          .where("id", "=", objection.id)
          .executeTakeFirstOrThrow()
      ).status;
    // A database written before the rename holds `accepted`; the migration carries it over.
    await down(ctx.deps.db);
    expect(await stored()).toBe("accepted");
    await up(ctx.deps.db);
    expect(await stored()).toBe("investigating");
    // …and the objection can still be settled from there.
    const dismissed = await published.office.post(`/api/objections/${objection.id}/handle`, {
      action: "dismiss",
      note: "经核实，异议不成立",
    });
    expect(dismissed.status, JSON.stringify(dismissed.body)).toBe(200);
    expect(await listed()).toMatchObject({ status: "dismissed" });
  });

  it("refuses objections after the window and lists the rest in the catalog once objections are handled", async () => {
    // A notice of three: an objection upheld against the first, one accepted for investigation against the second.
    const published = await publishedPublicNotice(ctx, { count: 3 });
    const publicNoticeId = published.publicNotice.id;
    const [first, second] = published.publicNotice.items;
    if (!first || !second) throw new Error("no items");
    const upheldAck = await fileObjection(ctx, publicNoticeId, first.id);
    const acceptedAck = await fileObjection(ctx, publicNoticeId, second.id, {
      name: "赵六",
      organisation: "个人",
      phone: "13912345679",
      content: "该机构师资情况与申报不符，请核查。",
    });
    const filed = (await published.office.get(`/api/public-notices/${publicNoticeId}/objections`)).body.items;
    const idOf = (ack: string) => filed.find((item: { ackNumber: string }) => item.ackNumber === ack).id;
    for (const [ack, action, note] of [
      [upheldAck, "uphold", "经核实，培训规模存在虚报"],
      [acceptedAck, "accept", "受理，调查中"],
    ] as const) {
      const handled = await published.office.post(`/api/objections/${idOf(ack)}/handle`, { action, note });
      expect(handled.status, JSON.stringify(handled.body)).toBe(200);
    }

    ctx.setNow(new Date(Date.parse(published.publicNotice.endsAt) + 1000));
    try {
      const publicNotice = await ctx.client().get(`/api/public/public-notices/${publicNoticeId}`);
      const latecomer = ctx.client();
      const late = await latecomer.upload(
        `/api/public/public-notices/${publicNoticeId}/objections`,
        multipartBody(
          {
            ...(await latecomer.captcha()),
            itemId: publicNotice.body.publicNotice.items[1].id,
            name: "孙七",
            organisation: "个人",
            phone: "13912345670",
            email: "s@example.cn",
            content: "公示期后提出的异议内容。",
          },
          { name: "a.pdf", content: SAMPLE_PDF },
        ),
      );
      expect(late.status).toBe(409);
      expect(late.body.message).toContain("公示期内");
      const relog = ctx.client();
      await relog.login(published.officeName, TEST_PASSWORD);
      const blocked = await relog.post(`/api/public-notices/${publicNoticeId}/confirm`);
      expect(blocked.status).toBe(409);
      expect(blocked.body.message).toContain("未处理完毕");
      const pending = (await relog.get(`/api/public-notices/${publicNoticeId}/objections`)).body.items.find(
        (item: { status: string }) => item.status === "investigating",
      );
      await relog.post(`/api/objections/${pending.id}/handle`, {
        action: "dismiss",
        note: "经核实，师资情况属实",
      });
      const confirmed = await relog.post(`/api/public-notices/${publicNoticeId}/confirm`);
      expect(confirmed.body).toEqual({ listed: 2 });
    } finally {
      ctx.setNow(null);
    }
  });
});

describe.each(testDatabases)("public catalog on %s", (kind) => {
  let ctx: TestContext;
  /** The institution an upheld objection took off the notice: never listed. */
  let removedName: string;

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    // Three approved on 2026-10-12 go on a notice; an objection against the first is upheld, so two are listed.
    const published = await publishedPublicNotice(ctx, { count: 3, decidedAt: "2026-10-12T02:30:00.000Z" });
    const [first] = published.publicNotice.items;
    if (!first) throw new Error("no items");
    removedName = first.institutionName;
    const ack = await fileObjection(ctx, published.publicNotice.id, first.id);
    const objection = (
      await published.office.get(`/api/public-notices/${published.publicNotice.id}/objections`)
    ).body.items.find((item: { ackNumber: string }) => item.ackNumber === ack);
    await published.office.post(`/api/objections/${objection.id}/handle`, {
      action: "uphold",
      note: "经核实，培训规模存在虚报",
    });
    ctx.setNow(new Date(Date.parse(published.publicNotice.endsAt) + 1000));
    try {
      await published.office.login(published.officeName, TEST_PASSWORD);
      const confirmed = await published.office.post(
        `/api/public-notices/${published.publicNotice.id}/confirm`,
      );
      expect(confirmed.body).toEqual({ listed: 2 });
    } finally {
      ctx.setNow(null);
    }
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("serves the public catalog with filters, a capped page size, CSV, Excel and history", async () => {
    const { client: office } = await signedInStaff(ctx, "provincialOffice", { regionCode: "310000" });
    const all = await ctx.client().get("/api/public/catalog?pageSize=1000000&occupation=cloud");
    expect(all.status).toBe(200);
    expect(all.body.pageSize).toBe(200);
    expect(all.body.total).toBe(2);
    const entry = all.body.items[0];
    expect(entry).toMatchObject({
      kindName: "培训机构",
      occupationName: "云计算工程技术人员",
      validUntil: "2029-10-12T02:30:00.000Z",
      statusName: "有效",
    });
    expect(all.body.items.map((item: { institutionName: string }) => item.institutionName)).not.toContain(
      removedName,
    );
    const byName = await ctx
      .client()
      .get(`/api/public/catalog?q=${encodeURIComponent(entry.institutionName)}`);
    expect(byName.body.total).toBe(1);
    const byCode = await ctx.client().get(`/api/public/catalog?q=${entry.creditCode.toLowerCase()}`);
    expect(byCode.body.total).toBe(1);
    const csv = await ctx.client().get("/api/public/catalog.csv?occupation=cloud");
    const text = csv.raw.toString("utf8");
    expect(text.startsWith("\uFEFF机构名称")).toBe(true);
    expect(text).toContain(entry.institutionName);
    const xlsx = await ctx.client().get("/api/public/catalog.xlsx?occupation=cloud");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.rowCount).toBe(3);

    expect(
      (
        await office.post(`/api/catalog/${entry.id}/adjust`, {
          action: "suspend",
          reason: "接到投诉，调查期间暂停",
        })
      ).status,
    ).toBe(200);
    const detail = await ctx.client().get(`/api/public/catalog/${entry.id}`);
    expect(detail.body.entry.statusName).toBe("暂停");
    expect(detail.body.history.map((h: { change: string }) => h.change)).toEqual(["listed", "suspended"]);
    const suspended = await ctx.client().get("/api/public/catalog?status=suspended");
    expect(suspended.body.total).toBe(1);
    ctx.setNow(new Date("2029-08-01T00:00:00Z"));
    try {
      const expiring = await ctx.client().get("/api/public/catalog?status=expiring");
      expect(expiring.body.total).toBe(1);
    } finally {
      ctx.setNow(null);
    }
  });
});

describe.each(testDatabases)(
  "national batch: the provincial office publishes its own training list on %s",
  (kind) => {
    let ctx: TestContext;
    let batchId: string;
    beforeAll(async () => {
      ctx = await createTestContext(kind);
      batchId = await publishOpenBatch(ctx, nationalBatch2);
      for (const regionCode of ["330000", "110000"])
        await approvedApplication(
          ctx,
          { batchId, kind: "training", occupation: "cloud", regionCode },
          "2026-10-12T02:30:00.000Z",
        );
    });
    afterAll(async () => {
      await ctx?.close();
    });

    it("lets Zhejiang publish, handle and confirm Zhejiang's training notice, and nothing else", async () => {
      const zhejiangName = await makeStaff(ctx, "provincialOffice", { regionCode: "330000" });
      const zhejiang = ctx.client();
      await zhejiang.login(zhejiangName, TEST_PASSWORD);
      const startsAt = new Date(Date.now() + 60_000).toISOString();
      // Not another province's list, not the evaluation list (the national office publishes that).
      expect(
        (
          await zhejiang.post("/api/public-notices", {
            batchId,
            kind: "training",
            regionCode: "110000",
            startsAt,
            ...PUBLIC_NOTICE_CONTACTS,
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await zhejiang.post("/api/public-notices", {
            batchId,
            kind: "evaluation",
            startsAt,
            ...PUBLIC_NOTICE_CONTACTS,
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await zhejiang.post("/api/public-notices", {
            batchId,
            kind: "training",
            startsAt,
            ...PUBLIC_NOTICE_CONTACTS,
          })
        ).status,
      ).toBe(404);
      const created = await zhejiang.post("/api/public-notices", {
        batchId,
        kind: "training",
        regionCode: "330000",
        startsAt,
        ...PUBLIC_NOTICE_CONTACTS,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body.publicNotice.items).toHaveLength(1);
      expect(created.body.publicNotice.title).toContain("浙江省");
      const publicNoticeId = created.body.publicNotice.id;
      expect((await zhejiang.get(`/api/public-notices/${publicNoticeId}/objections`)).status).toBe(200);
      const beijing = ctx.client();
      await beijing.login(await makeStaff(ctx, "provincialOffice", { regionCode: "110000" }), TEST_PASSWORD);
      expect((await beijing.get(`/api/public-notices/${publicNoticeId}/objections`)).status).toBe(404);
      expect((await beijing.get(`/api/public-notices/${publicNoticeId}`)).status).toBe(404);
      expect(
        (await zhejiang.get(`/api/public-notices/${publicNoticeId}`)).body.publicNotice.items[0]
          .applicationId,
      ).toBeTruthy();

      ctx.setNow(new Date(Date.parse(created.body.publicNotice.endsAt) + 1000));
      try {
        const relog = ctx.client();
        await relog.login(zhejiangName, TEST_PASSWORD);
        expect((await relog.post(`/api/public-notices/${publicNoticeId}/confirm`)).body).toEqual({
          listed: 1,
        });
      } finally {
        ctx.setNow(null);
      }
      const entries = await ctx.deps.db.selectFrom("catalogEntries").select(["regionCode", "kind"]).execute();
      expect(entries).toEqual([{ regionCode: "330000", kind: "training" }]);
    });
  },
);
