import crypto from "node:crypto";
import type { EmailStatus, Role } from "@linxuan/domain";
import { z } from "zod";
import type { Db } from "../../db/connection";
import { readJson } from "../../db/json";
import type { Caller, Deps } from "../../http/deps";
import { notFound } from "../../http/errors";
import { enqueueJob } from "../../jobs/queue";
import type { JobHandler } from "../../jobs/runner";
import {
  eventAudience,
  type NotificationEvent,
  notificationEvents,
  renderEmail,
  renderNotification,
} from "./templates";

export const EMAIL_JOB = "notification.email";
/**
 * Tries per e-mail. With the queue's backoff (10 s doubling to at most an hour) twelve tries span
 * about three and a half hours, so an SMTP outage of an afternoon loses nothing; after that the
 * e-mail is marked failed and an administrator can send it again from the job monitor.
 */
export const EMAIL_ATTEMPTS = 12;

/**
 * Notifies users inside the caller's transaction: an in-app notification each, and — where the
 * user has an e-mail address, has not turned e-mail off for this event and SMTP is configured —
 * an e-mail job in the same transaction, so a committed change always has its notice queued.
 */
export async function notify(
  trx: Db,
  deps: Pick<Deps, "clock" | "mailer">,
  input: { userIds: string[]; event: NotificationEvent; detail: string; link: string | null },
): Promise<void> {
  if (input.userIds.length === 0) return;
  const now = deps.clock().toISOString();
  const users = await trx
    .selectFrom("users")
    .select(["id", "email", "status"])
    .where("id", "in", input.userIds)
    .execute();
  const preferences = await trx
    .selectFrom("notificationPreferences")
    .selectAll()
    .where("userId", "in", input.userIds)
    .where("event", "=", input.event)
    .execute();
  const content = renderNotification(input.event, input.detail, input.link);
  for (const user of users) {
    if (user.status !== "active") continue;
    const preference = preferences.find((item) => item.userId === user.id);
    if (preference && preference.inApp === 0 && preference.email === 0) continue;
    const wantsEmail = (preference?.email ?? 1) === 1 && Boolean(user.email);
    const emailStatus = !wantsEmail ? "none" : deps.mailer.enabled ? "pending" : "skipped";
    const id = crypto.randomUUID();
    await trx
      .insertInto("notifications")
      .values({
        id,
        userId: user.id,
        event: input.event,
        title: content.title,
        body: content.body,
        link: content.link,
        readAt: preference?.inApp === 0 ? now : null,
        createdAt: now,
        emailStatus,
        emailTo: wantsEmail ? user.email : null,
        emailSentAt: null,
      })
      .execute();
    if (emailStatus === "pending")
      await enqueueJob(trx, {
        type: EMAIL_JOB,
        payload: { notificationId: id, description: `${content.title} → ${maskAddress(user.email ?? "")}` },
        now,
        maxAttempts: EMAIL_ATTEMPTS,
      });
  }
}

/**
 * E-mail to an address without an account (an objector or complainant left it on the form).
 * Queued in the caller's transaction like `notify`; nothing is queued when SMTP is off.
 */
export async function notifyAddress(
  trx: Db,
  deps: Pick<Deps, "clock" | "mailer">,
  input: { email: string | null; event: NotificationEvent; detail: string; link: string | null },
): Promise<void> {
  const to = input.email?.trim();
  if (!to) return;
  const now = deps.clock().toISOString();
  const content = renderNotification(input.event, input.detail, input.link);
  const id = crypto.randomUUID();
  const status = deps.mailer.enabled ? "pending" : "skipped";
  await trx
    .insertInto("outboundEmails")
    .values({
      id,
      event: input.event,
      emailTo: to,
      title: content.title,
      body: content.body,
      link: content.link,
      status,
      createdAt: now,
      sentAt: null,
    })
    .execute();
  if (status === "pending")
    await enqueueJob(trx, {
      type: EMAIL_JOB,
      payload: { outboundId: id, description: `${content.title} → ${maskAddress(to)}` },
      now,
      maxAttempts: EMAIL_ATTEMPTS,
    });
}

/**
 * The accounts of the office that did something (by the username recorded on it): the same role
 * and, for a provincial office, the same province. Objections to a notice go to the office that
 * published it.
 */
export async function officeUserIds(db: Db, username: string): Promise<string[]> {
  const author = await db
    .selectFrom("users")
    .select(["role", "regionCode"])
    .where("username", "=", username)
    .executeTakeFirst();
  if (!author) return [];
  let query = db
    .selectFrom("users")
    .select("id")
    .where("role", "=", author.role)
    .where("status", "=", "active");
  if (author.role !== "nationalOffice" && author.regionCode)
    query = query.where("regionCode", "=", author.regionCode);
  return (await query.execute()).map((row) => row.id);
}

/** The active accounts of one role (e.g. every administrator, for an alarm). */
export async function activeUserIdsOfRole(db: Db, role: Role): Promise<string[]> {
  const rows = await db
    .selectFrom("users")
    .select("id")
    .where("role", "=", role)
    .where("status", "=", "active")
    .execute();
  return rows.map((row) => row.id);
}

/** An address as the job monitor shows it: enough to tell messages apart, not to harvest them. */
export function maskAddress(email: string): string {
  const at = email.indexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

/** The users of an institution (its accounts), for notices addressed to the applicant. */
export async function institutionUserIds(db: Db, institutionId: string): Promise<string[]> {
  return (await db.selectFrom("users").select("id").where("institutionId", "=", institutionId).execute()).map(
    (row) => row.id,
  );
}

/** Sends one queued e-mail; one already sent is not sent again. */
export const sendNotificationEmail: JobHandler = async ({ deps, job }) => {
  const message = await queuedEmail(deps, readJson("jobs.payload", emailPayloadJson, job.payload));
  if (!message) return { skipped: true };
  try {
    await deliver(deps, message);
  } catch (error) {
    // Out of tries: the recipient's list shows that the e-mail did not go out.
    if (Number(job.attempts) >= Number(job.maxAttempts)) await message.mark("failed");
    throw error;
  }
  await message.mark("sent");
  return { sent: message.to };
};

/** `jobs.payload` of an e-mail: the notification or the message to an address it sends. */
const emailPayloadJson = z.looseObject({
  notificationId: z.string().optional(),
  outboundId: z.string().optional(),
});
type EmailPayload = z.output<typeof emailPayloadJson>;
type QueuedEmail = {
  id: string;
  to: string;
  title: string;
  body: string;
  link: string | null;
  mark: (status: "sent" | "failed") => Promise<unknown>;
};

/**
 * The e-mail a job is for — a user's notification or a message to an address — if it still has
 * to go: pending, or failed and retried by an administrator.
 */
async function queuedEmail(deps: Deps, payload: EmailPayload): Promise<QueuedEmail | null> {
  const sendable = ["pending", "failed"];
  const sentAt = () => deps.clock().toISOString();
  if (payload.outboundId) {
    const email = await deps.db
      .selectFrom("outboundEmails")
      .selectAll()
      .where("id", "=", payload.outboundId)
      .executeTakeFirst();
    if (!email || !sendable.includes(email.status)) return null;
    return {
      ...email,
      to: email.emailTo,
      mark: (status) =>
        deps.db
          .updateTable("outboundEmails")
          .set({ status, sentAt: status === "sent" ? sentAt() : null })
          .where("id", "=", email.id)
          .execute(),
    };
  }
  const notification = await deps.db
    .selectFrom("notifications")
    .selectAll()
    .where("id", "=", payload.notificationId ?? "")
    .executeTakeFirst();
  if (!notification?.emailTo || !sendable.includes(notification.emailStatus)) return null;
  return {
    ...notification,
    to: notification.emailTo,
    mark: (status) =>
      deps.db
        .updateTable("notifications")
        .set({ emailStatus: status, emailSentAt: status === "sent" ? sentAt() : null })
        .where("id", "=", notification.id)
        .execute(),
  };
}

/**
 * Hands one message to SMTP. Its Message-ID is the stored row's id, so should a worker die after
 * the server accepted it but before it was marked sent, the resend carries the same id and mail
 * systems can drop the duplicate.
 */
async function deliver(
  deps: Deps,
  message: { id: string; to: string; title: string; body: string; link: string | null },
): Promise<void> {
  const mail = renderEmail(message, deps.config.publicBaseUrl);
  await deps.mailer.send({
    to: message.to,
    subject: mail.subject,
    text: mail.text,
    messageId: `<${message.id}@linxuan>`,
  });
}

export async function listNotifications(deps: Deps, caller: Caller, unreadOnly: boolean) {
  const userId = caller.actor?.userId ?? "";
  let query = deps.db.selectFrom("notifications").selectAll().where("userId", "=", userId);
  if (unreadOnly) query = query.where("readAt", "is", null);
  const items = await query.orderBy("createdAt", "desc").limit(100).execute();
  const unread = await deps.db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("userId", "=", userId)
    .where("readAt", "is", null)
    .executeTakeFirstOrThrow();
  return {
    unread: Number(unread.n),
    items: items.map((item) => ({
      id: item.id,
      event: item.event,
      title: item.title,
      body: item.body,
      link: item.link,
      read: item.readAt !== null,
      createdAt: item.createdAt,
      emailStatus: item.emailStatus as EmailStatus,
    })),
  };
}

export async function markRead(deps: Deps, caller: Caller, id: string | null) {
  const userId = caller.actor?.userId ?? "";
  let query = deps.db
    .updateTable("notifications")
    .set({ readAt: deps.clock().toISOString() })
    .where("userId", "=", userId)
    .where("readAt", "is", null);
  if (id) query = query.where("id", "=", id);
  const result = await query.executeTakeFirst();
  if (id && Number(result.numUpdatedRows) === 0) {
    const exists = await deps.db
      .selectFrom("notifications")
      .select("id")
      .where("id", "=", id)
      .where("userId", "=", userId)
      .executeTakeFirst();
    if (!exists) throw notFound("通知");
  }
}

export async function getPreferences(deps: Deps, caller: Caller) {
  const rows = await deps.db
    .selectFrom("notificationPreferences")
    .selectAll()
    .where("userId", "=", caller.actor?.userId ?? "")
    .execute();
  const role = caller.actor?.role;
  const offered = (Object.keys(notificationEvents) as NotificationEvent[]).filter((event) => {
    const audience = eventAudience[event];
    return !audience || (role !== undefined && audience.includes(role));
  });
  return offered.map((event) => {
    const row = rows.find((item) => item.event === event);
    return {
      event,
      name: notificationEvents[event],
      inApp: (row?.inApp ?? 1) === 1,
      email: (row?.email ?? 1) === 1,
    };
  });
}

export async function savePreferences(
  deps: Deps,
  caller: Caller,
  preferences: { event: NotificationEvent; inApp: boolean; email: boolean }[],
) {
  const userId = caller.actor?.userId ?? "";
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("notificationPreferences").where("userId", "=", userId).execute();
    for (const item of preferences) {
      await trx
        .insertInto("notificationPreferences")
        .values({ userId, event: item.event, inApp: item.inApp ? 1 : 0, email: item.email ? 1 : 0 })
        .execute();
    }
  });
}
