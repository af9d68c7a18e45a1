import { z } from "zod";
import { sessionUserSchema } from "./auth";

/** A staff or institution account as the admin list shows it (GET /api/users). */
export const staffUserSchema = sessionUserSchema.extend({
  status: z.enum(["active", "disabled"]),
  /** Locked after too many failed logins from everywhere; only 解锁 lifts it. */
  lockedAt: z.string().nullable(),
  /** Addresses that must wait before trying this account again. */
  waitingAddresses: z.number(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  /** Masked: 139****5678. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type StaffUser = z.infer<typeof staffUserSchema>;

/** GET /api/users: one page of accounts and how many match in all. */
export const staffUserPageSchema = z.object({ total: z.number(), items: z.array(staffUserSchema) });
export type StaffUserPage = z.infer<typeof staffUserPageSchema>;

/** POST /api/users: the new account's id. */
export const createdUserSchema = z.object({ id: z.string() });
export type CreatedUser = z.infer<typeof createdUserSchema>;
