import type { ReactNode } from "react";
import { useEffect } from "react";
import { useLocation, useParams } from "react-router";
import {
  AttachmentList,
  ContactList,
  EligibilityList,
  FormDownloads,
  KeyDates,
  OccupationTable,
  QuotaSummary,
  StageTimeline,
} from "../../shared/batch-notice-sections";
import { BatchNoticeText } from "../../shared/batch-notice-text";
import { DemoTag, PhaseTag } from "../../shared/batch-tags";
import { formatDate } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { isApiError } from "../../shared/http";
import { LiteButtonLink } from "../../shared/lite/button";
import { LiteAlert, LiteCard, LiteLoading } from "../../shared/lite/display";
import { LiteBreadcrumb, LitePrintButton, LiteResult } from "../../shared/lite/page-parts";
import { usePublicBatch } from "./queries";
import "./public.css";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <div id={id}>
      <LiteCard title={title}>{children}</LiteCard>
    </div>
  );
}

export function BatchNoticePage() {
  const { id = "" } = useParams();
  const { hash } = useLocation();
  const query = usePublicBatch(id);

  useEffect(() => {
    if (query.isSuccess && hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [query.isSuccess, hash]);

  if (query.isPending) return <LiteLoading />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <LiteResult
          title="通知不存在"
          subTitle="该通知不存在或尚未发布。"
          extra={<LiteButtonLink to="/notices">返回通知公告</LiteButtonLink>}
        />
      );
    }
    return <LiteAlert type="error" title={errorText(query.error)} />;
  }
  const batch = query.data;
  const { definition } = batch;

  return (
    <>
      <LiteBreadcrumb
        items={[
          { title: "首页", to: "/" },
          { title: "通知公告", to: "/notices" },
          { title: batch.shortTitle },
        ]}
      />
      {batch.isDemo && (
        <LiteAlert
          type="warning"
          title="演示批次"
          description="本批次是系统演示用的副本，日期已顺延，仅供熟悉流程，不具任何效力。"
        />
      )}
      <div className="lx-batch-notice">
        <div>
          <article className="lx-document" aria-labelledby="batch-notice-title">
            <p className="lx-document-issuer">{batch.issuingBody}</p>
            {batch.documentNumber && <p className="lx-document-number">{batch.documentNumber}</p>}
            <hr className="lx-document-rule" />
            <h1 id="batch-notice-title" className="lx-document-title">
              {batch.title}
            </h1>
            <div className="lx-document-meta lx-document-meta-items">
              <DemoTag isDemo={batch.isDemo} />
              <PhaseTag phase={batch.phase} />
              <span>发文机关：{batch.issuingBody}</span>
              <span>文号：{batch.documentNumber ?? "无"}</span>
              <span>发布日期：{formatDate(batch.publishedOn)}</span>
              <LitePrintButton size="small" />
            </div>
            {definition.addressees && <p className="lx-document-addressees">主送：{definition.addressees}</p>}
            <BatchNoticeText text={definition.batchNoticeText} issuingBody={batch.issuingBody} />
          </article>

          <Section id="scope" title="申报范围：职业与等级">
            <OccupationTable definition={definition} />
          </Section>
          <Section id="eligibility" title="申报条件">
            <EligibilityList definition={definition} />
          </Section>
          <Section id="quotas" title="遴选数量与公布方式">
            <QuotaSummary definition={definition} />
          </Section>
          <Section id="attachments" title="申报材料">
            <AttachmentList definition={definition} />
          </Section>
        </div>
        <div className="lx-batch-notice-aside">
          <LiteCard title="关键日期">
            <KeyDates definition={definition} />
          </LiteCard>
          <Section id="forms" title="申报表下载">
            <FormDownloads forms={batch.forms} />
          </Section>
          <Section id="stages" title="工作流程">
            <StageTimeline definition={definition} />
          </Section>
          <Section id="contacts" title="联系方式">
            <ContactList definition={definition} />
          </Section>
        </div>
      </div>
    </>
  );
}
