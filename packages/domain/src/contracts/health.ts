import { z } from "zod";

/** GET /api/health: the process answers (the database is not asked). */
export const healthSchema = z.object({ status: z.literal("ok"), database: z.enum(["sqlite", "postgres"]) });

const partState = z.enum(["ok", "failed", "unchecked"]);

/** GET /api/ready: the database and the file store answer. */
export const readinessSchema = z.object({
  status: z.literal("ready"),
  database: partState,
  files: partState,
});

export type Health = z.infer<typeof healthSchema>;
