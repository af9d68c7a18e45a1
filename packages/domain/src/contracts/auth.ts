import { z } from "zod";
import { roleCodes } from "../policy/roles";

/** The signed-in account as the browser knows it (login, registration, GET /api/auth/me). */
export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roleCodes),
  roleName: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  industryScope: z.string().nullable(),
  institution: z.object({ id: z.string(), name: z.string(), creditCode: z.string() }).nullable(),
  mustChangePassword: z.boolean(),
});

export const sessionUserEnvelopeSchema = z.object({ user: sessionUserSchema });

/** GET /api/auth/csrf */
export const csrfTokenSchema = z.object({ token: z.string() });

export type SessionUser = z.infer<typeof sessionUserSchema>;
