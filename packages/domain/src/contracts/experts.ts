import { z } from "zod";
import { occupationCodes } from "../reference/occupations";

/** One expert of the pool as the office sees it; the phone number masked (139****0001). */
export const expertSchema = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string().nullable(),
  name: z.string(),
  employer: z.string(),
  employerCreditCode: z.string().nullable(),
  title: z.string(),
  occupations: z.array(z.enum(occupationCodes)),
  occupationNames: z.array(z.string()),
  regionCode: z.string(),
  regionName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
});

export const expertListSchema = z.object({ items: z.array(expertSchema) });

/** POST /api/experts → 201: the account made, with its one-time initial password. */
export const expertCreatedSchema = z.object({
  id: z.string(),
  username: z.string(),
  initialPassword: z.string(),
});

/** One account made for an expert; its password is shown once and changed at first login. */
export const initialAccountSchema = z.object({
  username: z.string(),
  name: z.string(),
  initialPassword: z.string(),
});

/**
 * POST /api/experts/import: the rows read and every problem (200, nothing imported), or 202 with
 * the background job that creates the accounts; its result holds the initial passwords.
 */
export const expertImportSchema = z.object({
  /** Empty since accounts are created in the background (`jobId`); kept for an older client. */
  imported: z.array(initialAccountSchema),
  preview: z.array(z.object({ username: z.string(), name: z.string(), employer: z.string() })),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
  jobId: z.string().optional(),
});

export type Expert = z.infer<typeof expertSchema>;
export type ExpertCreated = z.infer<typeof expertCreatedSchema>;
export type InitialAccount = z.infer<typeof initialAccountSchema>;
export type ExpertImport = z.infer<typeof expertImportSchema>;
