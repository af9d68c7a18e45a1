import { z } from "zod";

/**
 * What verification of the audit chain can find, one kind per way a chain breaks. `first` and
 * `last` are the stored events at the ends of a range (null where the events no longer exist).
 */
export const auditProblemKinds = {
  edited: "内容被改动",
  relinked: "链接不符",
  missing: "事件缺失",
  missingTail: "末尾事件缺失",
  beyondHead: "链头之后的事件",
  headMismatch: "链头不符",
} as const;
export type AuditProblemKind = keyof typeof auditProblemKinds;

export const auditEventRefSchema = z.object({ seq: z.number(), at: z.string(), command: z.string() });
export type AuditEventRef = z.infer<typeof auditEventRefSchema>;

export const auditProblemSchema = z.object({
  kind: z.enum(Object.keys(auditProblemKinds) as [AuditProblemKind, ...AuditProblemKind[]]),
  fromSeq: z.number(),
  toSeq: z.number(),
  first: auditEventRefSchema.nullable(),
  last: auditEventRefSchema.nullable(),
  /** The problem in one Chinese sentence, naming the events by number, time and command. */
  message: z.string(),
});
export type AuditProblem = z.infer<typeof auditProblemSchema>;

/** The check of an exported chain head against the chain as it is now. */
export const auditHeadCheckSchema = z.object({
  ok: z.boolean(),
  seq: z.number(),
  exportedAt: z.string(),
  message: z.string(),
});
export type AuditHeadCheck = z.infer<typeof auditHeadCheckSchema>;

export const auditVerificationSchema = z.object({
  /** The whole chain holds (and so does the head file, when one was given). */
  ok: z.boolean(),
  /** Events read. */
  checked: z.number(),
  /** Where the head row says the chain ends. */
  headSeq: z.number(),
  firstBadSeq: z.number().nullable(),
  /** Every problem found, consecutive ones of one kind as a range; at most a few hundred listed. */
  problems: z.array(auditProblemSchema),
  /** Problems found beyond those listed. */
  omitted: z.number(),
  headCheck: auditHeadCheckSchema.nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const AUDIT_HEAD_FORMAT = "linxuan-audit-head/1";

const hex = (length: number, field: string) =>
  z
    .string({ error: `缺少${field}` })
    .regex(new RegExp(`^[0-9a-f]{${length}}$`), { error: `${field}应为${length}位十六进制` });

/**
 * The chain head an administrator exports and keeps outside the platform: the last event's number
 * and hash, signed with a key derived from the platform's data key. Checking it later shows that
 * the chain still holds that event unchanged, so the table cannot have been rewritten wholesale.
 */
export const auditHeadFileSchema = z.object({
  format: z.literal(AUDIT_HEAD_FORMAT, { error: "不是遴选平台导出的审计链头文件" }),
  platform: z.string({ error: "缺少平台地址" }).max(500),
  keyId: hex(16, "密钥标识"),
  seq: z.number({ error: "缺少事件序号" }).int().min(0),
  hash: hex(64, "哈希"),
  eventAt: z.string().max(64).nullable(),
  exportedAt: z.string({ error: "缺少导出时间" }).max(64),
  exportedBy: z.string().max(200).nullable(),
  signature: hex(64, "签名"),
});
export type AuditHeadFile = z.infer<typeof auditHeadFileSchema>;

/** Reads a head file's text; the Chinese message names what is wrong with it. */
export function parseAuditHeadFile(
  text: string,
): { ok: true; head: AuditHeadFile } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: "审计链头文件不是有效的 JSON" };
  }
  const parsed = auditHeadFileSchema.safeParse(data);
  if (parsed.success) return { ok: true, head: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `审计链头文件格式不正确：${issue?.message ?? "无法识别"}` };
}
export * from "./event-names";
