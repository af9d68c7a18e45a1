import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../calendar/iso-date";
import { checkPaperReceipt, paperTiming } from "./paper-receipt";

const shanghaiDeadline = "2026-04-03T23:59:59+08:00";

describe("paperTiming", () => {
  it("counts the deadline's own day as in time (2026年4月3日前报送)", () => {
    expect(paperTiming("2026-04-03", shanghaiDeadline)).toEqual({ late: false });
    expect(paperTiming("2026-03-20", shanghaiDeadline)).toEqual({ late: false });
  });

  it("flags a day after the deadline with the deadline in Chinese", () => {
    expect(paperTiming("2026-04-04", shanghaiDeadline)).toEqual({
      late: true,
      deadlineDate: "2026-04-03",
      daysLate: 1,
      deadlineText: "2026年4月3日",
    });
    expect(paperTiming("2026-04-13", shanghaiDeadline)).toMatchObject({ late: true, daysLate: 10 });
  });

  it("reads the deadline in Beijing time, not UTC", () => {
    // 2026-04-03 16:00 UTC is already 4月4日 in Beijing.
    expect(paperTiming("2026-04-04", "2026-04-03T16:00:00Z")).toEqual({ late: false });
    expect(paperTiming("2026-04-05", "2026-04-03T16:00:00Z")).toMatchObject({ late: true, daysLate: 1 });
  });

  it("has no late copies without a paper deadline", () => {
    expect(paperTiming("2099-01-01", null)).toEqual({ late: false });
  });

  it("is late exactly on the days after the deadline's date", () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (offset) => {
        const timing = paperTiming(addDays("2026-04-03", offset), shanghaiDeadline);
        expect(timing.late).toBe(offset > 0);
        if (timing.late) expect(timing.daysLate).toBe(offset);
      }),
    );
  });
});

describe("checkPaperReceipt", () => {
  const context = { today: "2026-04-20", paperDeadline: shanghaiDeadline };

  it("takes copies in time with nothing more", () => {
    expect(checkPaperReceipt({ receivedOn: "2026-04-01" }, context).problems).toEqual([]);
  });

  it("asks for the centre's choice and reason on late copies, naming the deadline", () => {
    const { timing, problems } = checkPaperReceipt({ receivedOn: "2026-04-07" }, context);
    expect(timing.late).toBe(true);
    expect(problems.map((problem) => [problem.path, problem.code])).toEqual([
      ["lateDecision", "late_decision_required"],
      ["lateReason", "late_reason_required"],
    ]);
    expect(problems[0]?.message).toBe(
      "接收日期晚于纸质材料报送截止时间（2026年4月3日）4天，请选择逾期接收或不予接收",
    );
  });

  it("takes late copies with a choice and a reason", () => {
    for (const lateDecision of ["accepted", "refused"] as const) {
      const input = { receivedOn: "2026-04-07", lateDecision, lateReason: "邮路延误，有邮戳为证" };
      expect(checkPaperReceipt(input, context).problems).toEqual([]);
    }
  });

  it("refuses a blank reason", () => {
    const input = { receivedOn: "2026-04-07", lateDecision: "accepted" as const, lateReason: "   " };
    expect(checkPaperReceipt(input, context).problems.map((problem) => problem.code)).toEqual([
      "late_reason_required",
    ]);
  });

  it("refuses a late choice on copies that came in time", () => {
    const input = { receivedOn: "2026-04-02", lateDecision: "refused" as const, lateReason: "误选" };
    expect(checkPaperReceipt(input, context).problems.map((problem) => problem.code)).toEqual(["not_late"]);
  });

  it("refuses a receipt dated after today", () => {
    const { problems } = checkPaperReceipt({ receivedOn: "2026-04-21" }, { ...context, paperDeadline: null });
    expect(problems).toEqual([
      { path: "receivedOn", code: "received_in_future", message: "接收日期不能晚于今天" },
    ]);
  });
});
