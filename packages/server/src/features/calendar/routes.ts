import {
  CalendarUnknownYearError,
  calendarImportResultSchema,
  calendarOverrideSchema,
  calendarYearViewSchema,
  isIsoDate,
  multiline,
  okSchema,
  publicNoticePeriod,
  shanghaiDayStart,
  workdaysAddedSchema,
} from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import {
  declareYear,
  describeYear,
  importCalendarText,
  loadWorkdayCalendar,
  removeOverride,
  saveOverride,
} from "./service";

const dateParam = z.object({ date: z.string().refine(isIsoDate, "日期应为 YYYY-MM-DD 格式的真实日期") });
const festivalDate = (name: string) =>
  z.string().refine(isIsoDate, `${name}日期应为 YYYY-MM-DD 格式的真实日期`).optional();

/** Maps the domain's refusal to count in an unknown year onto the API's stable code. */
export function calendarError(error: unknown): never {
  if (error instanceof CalendarUnknownYearError) {
    throw new AppError("CALENDAR_YEAR_UNKNOWN", error.message, { extra: { year: error.year } });
  }
  if (error instanceof RangeError) throw new AppError("VALIDATION_FAILED", error.message);
  throw error;
}

export function registerCalendarRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/public/workdays/add",
    {
      config: { command: "public" },
      schema: {
        tags: ["public"],
        summary: "工作日计算：自 start 起第 days 个工作日（start 为工作日时计为第1天）",
        querystring: z.object({
          start: z.string().refine(isIsoDate, "start 应为 YYYY-MM-DD 格式的真实日期"),
          days: z.coerce.number().int().min(1, "days 至少为1").max(60, "days 不超过60"),
        }),
        response: { 200: workdaysAddedSchema },
      },
    },
    async (request) => {
      const calendar = await loadWorkdayCalendar(deps);
      try {
        const period = publicNoticePeriod(
          calendar,
          shanghaiDayStart(request.query.start),
          request.query.days,
        );
        return {
          start: request.query.start,
          days: request.query.days,
          end: period.lastDay,
          endsAt: period.endsAt,
        };
      } catch (error) {
        calendarError(error);
      }
    },
  );

  r.get(
    "/api/calendar",
    {
      config: { command: "calendar.manage" },
      schema: {
        tags: ["calendar"],
        summary: "某年度的节假日、调休与调整记录",
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: calendarYearViewSchema },
      },
    },
    async (request) => describeYear(deps, request.query.year),
  );

  r.put(
    "/api/calendar/overrides/:date",
    {
      config: { command: "calendar.manage" },
      schema: {
        tags: ["calendar"],
        summary: "设置某日为工作日或休息日（覆盖内置数据）",
        params: dateParam,
        body: calendarOverrideSchema
          .omit({ date: true })
          .extend({ name: z.string().trim().max(40).nullable().optional() }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const { kind, name } = request.body;
      await saveOverride(deps, request.caller, {
        date: request.params.date,
        kind,
        ...(name ? { name } : {}),
      });
      return { ok: true as const };
    },
  );

  r.delete(
    "/api/calendar/overrides/:date",
    {
      config: { command: "calendar.manage" },
      schema: {
        tags: ["calendar"],
        summary: "删除某日的调整",
        params: dateParam,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await removeOverride(deps, request.caller, request.params.date);
      return { ok: true as const };
    },
  );

  r.post(
    "/api/calendar/years/:year",
    {
      config: { command: "calendar.manage" },
      schema: {
        tags: ["calendar"],
        summary:
          "声明（或撤销）某年度日历已完整录入：须含全部法定节假日；农历节日表以外的年度须写明春节（正月初一）、清明、端午、中秋的日期",
        params: z.object({ year: z.coerce.number().int() }),
        body: z.object({
          complete: z.boolean(),
          festivals: z
            .object({
              springFestival: festivalDate("春节（正月初一）"),
              qingming: festivalDate("清明节"),
              dragonBoat: festivalDate("端午节"),
              midAutumn: festivalDate("中秋节"),
            })
            .optional(),
        }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await declareYear(
        deps,
        request.caller,
        request.params.year,
        request.body.complete,
        request.body.festivals ?? {},
      );
      return { ok: true as const };
    },
  );

  r.post(
    "/api/calendar/import",
    {
      config: { command: "calendar.manage" },
      schema: {
        tags: ["calendar"],
        summary: "导入日历（CSV 或 JSON 文本；有错误时整体不导入）",
        body: z.object({ text: multiline(z.string().min(1, "导入内容为空").max(200_000, "导入内容过长")) }),
        response: { 200: calendarImportResultSchema },
      },
    },
    async (request) => importCalendarText(deps, request.caller, request.body.text),
  );
}
