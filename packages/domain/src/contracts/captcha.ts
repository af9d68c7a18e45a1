import { z } from "zod";

/** GET /api/captcha: a server-drawn picture to read, answered once within its lifetime. */
export const captchaChallengeSchema = z.object({
  id: z.string(),
  svg: z.string(),
  expiresInSeconds: z.number(),
});

export type CaptchaChallenge = z.infer<typeof captchaChallengeSchema>;
