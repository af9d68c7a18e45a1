/** GET /api/public/deadlines: the contract in @linxuan/domain (contracts/stats). */
export type { Deadline } from "@linxuan/domain";
