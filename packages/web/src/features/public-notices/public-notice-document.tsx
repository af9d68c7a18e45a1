import { chinesePublicNoticePeriod, type PublicNoticeView, shanghaiChineseDate } from "@linxuan/domain";
import { DemoTag } from "../../shared/batch-tags";
import { formatInstant } from "../../shared/dates";
import { buttonClass } from "../../shared/lite/button";
import { LiteAlert } from "../../shared/lite/display";
import { LitePrintButton } from "../../shared/lite/page-parts";
import { WideTable } from "../../shared/wide-table";
import { PublicNoticeItemsTable } from "./public-notice-items-table";
import { PhaseTag, PublicNoticeCountdown, periodText } from "./public-notice-period";
import "./public-notices.css";

/** The list with its downloads: shown once the notice has started (and in the office's preview). */
function PublicNoticeList({ publicNotice, preview }: { publicNotice: PublicNoticeView; preview: boolean }) {
  return (
    <>
      {!preview && (
        <div className="lx-button-row lx-no-print">
          <a
            className={buttonClass({})}
            href={`/api/public/public-notices/${publicNotice.id}/list.pdf`}
            download
          >
            下载公示名单（PDF）
          </a>
          <a
            className={buttonClass({})}
            href={`/api/public/public-notices/${publicNotice.id}/list.xlsx`}
            download
          >
            下载公示名单（Excel）
          </a>
          <LitePrintButton />
        </div>
      )}
      <WideTable>
        <PublicNoticeItemsTable items={publicNotice.items} confirmed={publicNotice.phase === "confirmed"} />
      </WideTable>
    </>
  );
}

/** Where objections go, as the office entered it when publishing. */
function ObjectionContacts({ publicNotice }: { publicNotice: PublicNoticeView }) {
  const lines = [
    { key: "address", label: "联系地址", value: publicNotice.contactAddress },
    { key: "phone", label: "联系电话", value: publicNotice.contactPhone },
    { key: "email", label: "电子邮箱", value: publicNotice.contactEmail },
  ].filter((line) => line.value);
  if (lines.length === 0) return null;
  return (
    <section aria-label="异议受理联系方式" className="lx-public-notice-contacts">
      {lines.map((line) => (
        <p key={line.key}>
          {line.label}：<span className="lx-nowrap">{line.value}</span>
        </p>
      ))}
    </section>
  );
}

/**
 * The public notice (公示) as an official document: title, period in Chinese, the list, where
 * objections go, and the 落款 (issuing body and date). The public page shows it, and the office
 * sees the same component as the preview before it publishes — so the preview is the page.
 */
export function PublicNoticeDocument({
  publicNotice,
  preview = false,
  receivedAt,
  onEnd,
}: {
  publicNotice: PublicNoticeView;
  /** The office's preview before publishing: no downloads, no countdown. */
  preview?: boolean;
  receivedAt?: number;
  onEnd?: () => void;
}) {
  const removed = publicNotice.items.filter((item) => item.status === "removed").length;
  const period = chinesePublicNoticePeriod(publicNotice);
  return (
    <article className="lx-panel lx-public-notice-document" aria-labelledby="public-notice-title">
      <h1 id="public-notice-title" className="lx-document-title lx-public-notice-title">
        {publicNotice.isDemo && <DemoTag isDemo />}
        {publicNotice.title}
      </h1>
      <div className="lx-stack">
        <dl className="lite-descriptions lx-public-notice-facts">
          <dt>公示期</dt>
          <dd>{periodText(publicNotice)}</dd>
          <dt>开始时间</dt>
          <dd>{formatInstant(publicNotice.startsAt)}</dd>
        </dl>
        {!preview && (
          <div className="lx-phase-row">
            <PhaseTag phase={publicNotice.phase} />
            {publicNotice.phase === "open" && receivedAt !== undefined && onEnd && (
              <PublicNoticeCountdown
                remainingMs={publicNotice.remainingMs}
                receivedAt={receivedAt}
                onEnd={onEnd}
              />
            )}
          </div>
        )}
        {publicNotice.demoShortenedAt && (
          <LiteAlert
            type="warning"
            title={`【演示】公示期已于${formatInstant(publicNotice.demoShortenedAt)}缩短结束`}
            description="演示批次的公示期可在演示模式下缩短，仅供熟悉流程，不具任何效力。"
          />
        )}
        <div className="lx-document-body">
          <p>现将拟纳入目录的机构名单予以公示，公示期为{publicNotice.workdays}个工作日。</p>
          <p>
            <strong>公示期：{period}。</strong>
          </p>
          <p>
            公示期内，如对名单中的机构有异议，请通过本页实名提出，或以书面形式向发布单位反映，写明具体事实和理由，并提供联系方式和有关证明材料。匿名或无具体事实的异议不予受理。
            {removed > 0 && `公示期间，${removed}家机构经核实异议成立，已移出公示名单。`}
          </p>
          <ObjectionContacts publicNotice={publicNotice} />
        </div>
        {!preview && publicNotice.phase === "upcoming" ? (
          <LiteAlert
            type="info"
            title={`公示名单自公示开始时（${formatInstant(publicNotice.startsAt)}）公布。`}
          />
        ) : (
          <PublicNoticeList publicNotice={publicNotice} preview={preview} />
        )}
        <footer className="lx-public-notice-signature" data-testid="public-notice-signature">
          {publicNotice.issuingBody && <div>{publicNotice.issuingBody}</div>}
          <div>{shanghaiChineseDate(publicNotice.publishedAt)}</div>
        </footer>
      </div>
    </article>
  );
}
