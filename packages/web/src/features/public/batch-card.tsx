import { Link } from "react-router";
import type { PublicBatchSummary } from "../../app/api-types";
import { DemoTag, KindTags, ScopeText } from "../../shared/batch-tags";
import { deadlineCountdown, formatDate, formatInstant } from "../../shared/dates";

/** One batch open for applications, on the home page: its notice, scope and the time left. */
export function BatchCard({ batch }: { batch: PublicBatchSummary }) {
  const countdown = deadlineCountdown(batch.onlineDeadline);
  const closed = batch.phase === "closed" || countdown.closed;
  const rows = [
    ["文号", batch.documentNumber ?? "—"],
    ["发文机关", batch.issuingBody],
    ["遴选范围", <ScopeText key="scope" scope={batch.scope} />],
    ["发布日期", formatDate(batch.publishedOn)],
    ["网上申报截止", formatInstant(batch.onlineDeadline)],
  ] as const;
  return (
    <article className="lx-batch-card">
      <div>
        <DemoTag isDemo={batch.isDemo} />
        <KindTags kinds={batch.kinds} />
      </div>
      <h3 className="lx-batch-card-title">
        <Link to={`/notices/${batch.id}`}>{batch.title}</Link>
      </h3>
      <dl className="lx-batch-card-facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className={closed ? "lx-batch-card-deadline lx-batch-card-closed" : "lx-batch-card-deadline"}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="8" cy="8" r="6.5" />
          <path d="M8 4v4l3 2" />
        </svg>
        {closed ? "已截止" : countdown.text}
      </div>
    </article>
  );
}
