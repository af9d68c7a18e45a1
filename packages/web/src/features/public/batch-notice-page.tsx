import { Alert, Breadcrumb, Card, Col, Row, Skeleton, Space } from "antd";
import type { ReactNode } from "react";
import { useEffect } from "react";
import { Link, useLocation, useParams } from "react-router";
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
import { ButtonLink } from "../../shared/button-link";
import { formatDate } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { isApiError } from "../../shared/http";
import { PlainResult } from "../../shared/plain-result";
import { PrintButton } from "../../shared/print-button";
import { usePublicBatch } from "./queries";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card id={id} title={<h2 style={{ margin: 0, fontSize: 16 }}>{title}</h2>} style={{ marginTop: 16 }}>
      {children}
    </Card>
  );
}

export function BatchNoticePage() {
  const { id = "" } = useParams();
  const { hash } = useLocation();
  const query = usePublicBatch(id);

  useEffect(() => {
    if (query.isSuccess && hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [query.isSuccess, hash]);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <PlainResult
          kind="404"
          title="通知不存在"
          subTitle="该通知不存在或尚未发布。"
          extra={<ButtonLink to="/notices">返回通知公告</ButtonLink>}
        />
      );
    }
    return <Alert type="error" showIcon title={errorText(query.error)} />;
  }
  const batch = query.data;
  const { definition } = batch;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to="/notices">通知公告</Link> },
          { title: batch.shortTitle },
        ]}
      />
      {batch.isDemo && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="演示批次"
          description="本批次是系统演示用的副本，日期已顺延，仅供熟悉流程，不具任何效力。"
        />
      )}
      <Row gutter={24}>
        <Col xs={24} lg={16}>
          <article className="lx-document" aria-labelledby="batch-notice-title">
            <p className="lx-document-issuer">{batch.issuingBody}</p>
            {batch.documentNumber && <p className="lx-document-number">{batch.documentNumber}</p>}
            <hr className="lx-document-rule" />
            <h1 id="batch-notice-title" className="lx-document-title">
              {batch.title}
            </h1>
            <div className="lx-document-meta">
              <Space size={16} wrap style={{ justifyContent: "center" }}>
                <DemoTag isDemo={batch.isDemo} />
                <PhaseTag phase={batch.phase} />
                <span>发文机关：{batch.issuingBody}</span>
                <span>文号：{batch.documentNumber ?? "无"}</span>
                <span>发布日期：{formatDate(batch.publishedOn)}</span>
                <PrintButton size="small" />
              </Space>
            </div>
            {definition.addressees && (
              <p style={{ fontSize: 15, color: "#4e5969", borderLeft: "3px solid #e5e6eb", paddingLeft: 12 }}>
                主送：{definition.addressees}
              </p>
            )}
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
        </Col>
        <Col xs={24} lg={8}>
          <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>关键日期</h2>}>
            <KeyDates definition={definition} />
          </Card>
          <Section id="forms" title="申报表下载">
            <FormDownloads forms={batch.forms} />
          </Section>
          <Section id="stages" title="工作流程">
            <StageTimeline definition={definition} />
          </Section>
          <Section id="contacts" title="联系方式">
            <ContactList definition={definition} />
          </Section>
        </Col>
      </Row>
    </>
  );
}
