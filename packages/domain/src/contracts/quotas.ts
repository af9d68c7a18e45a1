import { z } from "zod";
import { kindCodes } from "../reference/kinds";

/** One place whose quota the office sets in a batch, with the notice's basis and the entry. */
export const quotaSettingRowSchema = z.object({
  kind: z.enum(kindCodes),
  kindName: z.string(),
  areaKey: z.string(),
  name: z.string(),
  /** Why the office sets it: the notice sentence that leaves the number open. */
  batchNoticeBasis: z.string(),
  limit: z.number().nullable(),
  basis: z.string().nullable(),
  setAt: z.string().nullable(),
  /** Who entered it: the login name, and the person's name as the list shows it. */
  setBy: z.string().nullable(),
  setByName: z.string().nullable(),
});
export type QuotaSettingRow = z.infer<typeof quotaSettingRowSchema>;

/** GET /api/batches/:id/quota-settings and PUT's answer. */
export const quotaSettingsSchema = z.object({
  batch: z.object({ id: z.string(), shortTitle: z.string(), title: z.string() }),
  areas: z.array(quotaSettingRowSchema),
});
export type QuotaSettings = z.infer<typeof quotaSettingsSchema>;
