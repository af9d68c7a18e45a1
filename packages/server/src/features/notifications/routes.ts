import { notificationListSchema, notificationPreferencesSchema, okSchema } from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { getPreferences, listNotifications, markRead, savePreferences } from "./service";
import { notificationEvents } from "./templates";

const eventCodes = Object.keys(notificationEvents) as [
  keyof typeof notificationEvents,
  ...(keyof typeof notificationEvents)[],
];

export function registerNotificationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/notifications",
    {
      config: { command: "authenticated" },
      schema: {
        tags: ["notifications"],
        summary: "我的通知（含未读数）",
        querystring: z.object({ unread: z.enum(["true", "false"]).optional() }),
        response: { 200: notificationListSchema },
      },
    },
    async (request) => listNotifications(deps, request.caller, request.query.unread === "true"),
  );
  r.post(
    "/api/notifications/:id/read",
    {
      config: { command: "authenticated" },
      schema: {
        tags: ["notifications"],
        summary: "标为已读",
        params: z.object({ id: z.string().max(64) }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await markRead(deps, request.caller, request.params.id);
      return { ok: true as const };
    },
  );
  r.post(
    "/api/notifications/read-all",
    {
      config: { command: "authenticated" },
      schema: { tags: ["notifications"], summary: "全部标为已读", response: { 200: okSchema } },
    },
    async (request) => {
      await markRead(deps, request.caller, null);
      return { ok: true as const };
    },
  );
  r.get(
    "/api/notifications/preferences",
    {
      config: { command: "authenticated" },
      schema: {
        tags: ["notifications"],
        summary: "通知偏好",
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (request) => ({
      items: await getPreferences(deps, request.caller),
    }),
  );
  r.put(
    "/api/notifications/preferences",
    {
      config: { command: "authenticated" },
      schema: {
        tags: ["notifications"],
        summary: "保存通知偏好",
        body: z.object({
          items: z
            .array(z.object({ event: z.enum(eventCodes), inApp: z.boolean(), email: z.boolean() }))
            .max(50)
            // found by the hostile-input property test: a repeated event broke the unique key (500)
            .refine((items) => new Set(items.map((item) => item.event)).size === items.length, {
              message: "同一类通知只能设置一次",
            }),
        }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await savePreferences(deps, request.caller, request.body.items);
      return { ok: true as const };
    },
  );
}
