/** GET /api/public/deadlines (packages/server/src/features/stats/service.ts `deadlines`). */
export type Deadline = {
  batchId: string;
  /** The batch's short title; a demo copy's already starts with 【演示】. */
  batchTitle: string;
  isDemo: boolean;
  /** onlineDeadline, paperDeadline, or `${stage}.opens` / `${stage}.closes` */
  kind: string;
  name: string;
  /** ISO-8601 instant with offset */
  at: string;
};
