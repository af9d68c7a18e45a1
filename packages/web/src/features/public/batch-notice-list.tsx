import { Link } from "react-router";
import type { PublicBatchSummary } from "../../app/api-types";
import { DemoTag, PhaseTag } from "../../shared/batch-tags";
import { formatDate } from "../../shared/dates";
import { LiteEmpty } from "../../shared/lite/display";

/** Published notices, newest first, as a plain list of links with their dates. */
export function BatchNoticeList({
  items,
  detailed = false,
}: {
  items: PublicBatchSummary[];
  detailed?: boolean;
}) {
  if (items.length === 0) return <LiteEmpty>暂无通知公告</LiteEmpty>;
  return (
    <ul className="lx-notice-list">
      {items.map((batch) => (
        <li key={batch.id}>
          <div className="lx-notice-list-main">
            <div>
              <DemoTag isDemo={batch.isDemo} />
              <Link to={`/notices/${batch.id}`} className="lx-notice-list-title">
                {batch.title}
              </Link>
            </div>
            {detailed && (
              <div className="lx-notice-list-meta">
                <span>发文机关：{batch.issuingBody}</span>
                {batch.documentNumber && <span>文号：{batch.documentNumber}</span>}
                <PhaseTag phase={batch.phase} />
              </div>
            )}
          </div>
          <span className="lx-muted lx-nowrap">{formatDate(batch.publishedOn)}</span>
        </li>
      ))}
    </ul>
  );
}
