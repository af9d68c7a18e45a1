import { shanghaiDate } from "@linxuan/domain";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { loadOfficePublicNotice } from "./authority";
import { getPublicNotice } from "./service";

/**
 * 演示：缩短公示期. A newcomer walking submission → catalog in one sitting cannot wait five working
 * days, so in demo mode only, and only for a notice of a 【演示】 batch, the office may end the
 * period now; the page then says it was cut short. Refused with DEMO_ONLY in production (or with
 * demo mode off) and for any real batch, whose period the notice fixes.
 */
export async function shortenDemoPublicNotice(deps: Deps, caller: Caller, id: string) {
  const { publicNotice, isDemo } = await loadOfficePublicNotice(deps, requireActorOf(caller), id);
  if (!deps.config.demo)
    throw new AppError("DEMO_ONLY", "仅演示模式可缩短公示期；正式运行时公示期按工作日计算，不能缩短");
  if (!isDemo) throw new AppError("DEMO_ONLY", "仅【演示】批次的公示可缩短公示期");
  const now = deps.clock();
  if (publicNotice.confirmedAt || Date.parse(publicNotice.endsAt) <= now.getTime())
    throw new AppError("TRANSITION_NOT_ALLOWED", "公示期已满，无需缩短");
  const at = now.toISOString();
  await runCommand(
    deps,
    caller,
    "publicNotice.demoShorten",
    async (trx) => {
      await trx
        .updateTable("publicNotices")
        .set({
          startsAt: Date.parse(publicNotice.startsAt) < now.getTime() ? publicNotice.startsAt : at,
          endsAt: at,
          lastDay: shanghaiDate(now),
          demoShortenedAt: at,
        })
        .where("id", "=", id)
        .where("confirmedAt", "is", null)
        .execute();
    },
    () => ({
      targetType: "publicNotice",
      targetId: id,
      summary: `演示：缩短公示期：${publicNotice.title}（原至${publicNotice.lastDay}，现即时期满）`,
    }),
  );
  return getPublicNotice(deps, id);
}
