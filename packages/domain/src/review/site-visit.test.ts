import { describe, expect, it } from "vitest";
import {
  SITE_VISIT_STATES,
  type SiteVisitCommand,
  siteVisitConcludeSchema,
  siteVisitPlanSchema,
  siteVisitSentence,
  siteVisitTransition,
} from "./site-visit";

const commands: SiteVisitCommand[] = ["plan", "record", "attach", "conclude"];

describe("siteVisitTransition", () => {
  it("allows exactly plan → record → conclude, with revisions before the next step", () => {
    const table = Object.fromEntries(
      [null, ...SITE_VISIT_STATES].map((state) => [
        String(state),
        Object.fromEntries(
          commands.map((command) => {
            const result = siteVisitTransition(state, command);
            return [command, result.ok ? result.to : "refused"];
          }),
        ),
      ]),
    );
    expect(table).toEqual({
      null: { plan: "planned", record: "refused", attach: "refused", conclude: "refused" },
      planned: { plan: "planned", record: "recorded", attach: "planned", conclude: "refused" },
      recorded: { plan: "refused", record: "recorded", attach: "recorded", conclude: "concluded" },
      concluded: { plan: "refused", record: "refused", attach: "refused", conclude: "refused" },
    });
  });

  it("says in Chinese why a step is refused", () => {
    expect(siteVisitTransition(null, "record")).toEqual({
      ok: false,
      reason: "请先制定考察方案，再记录考察情况",
    });
    expect(siteVisitTransition("planned", "conclude")).toEqual({
      ok: false,
      reason: "请先记录考察情况，再作出考察结论",
    });
    expect(siteVisitTransition("concluded", "conclude")).toMatchObject({
      reason: "考察结论已作出，不能再修改",
    });
  });
});

describe("site visit input", () => {
  it("names the field in each message", () => {
    const result = siteVisitPlanSchema.safeParse({
      plan: "短",
      team: [{ name: "张", unit: "" }],
      visitDate: "2026/12/7",
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        "考察方案至少10个字",
        "考察组至少2名成员",
        "考察组成员姓名至少2个字",
        "考察日期格式应为 2026-12-07",
      ]),
    );
    expect(
      siteVisitConcludeSchema.safeParse({ conclusion: "maybe", conclusionText: "同意" }).error?.issues[0]
        ?.message,
    ).toBe("请选择考察结论（符合、基本符合或不符合）");
  });

  it("prints the conclusion as the opinion sentence, with a Chinese date", () => {
    expect(
      siteVisitSentence({
        visitDate: "2026-12-07",
        conclusion: "partlyConforming",
        conclusionText: "场地满足要求",
      }),
    ).toBe("2026年12月7日实地考察，结论：基本符合（场地满足要求）");
  });
});
