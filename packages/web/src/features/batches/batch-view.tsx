import { Card, Col, Collapse, Descriptions, Row } from "antd";
import type { StaffBatch } from "../../app/api-types";
import {
  AttachmentList,
  ContactList,
  EligibilityList,
  KeyDates,
  OccupationTable,
  QuotaSummary,
  StageTimeline,
} from "../../shared/batch-notice-sections";
import { BatchNoticeText } from "../../shared/batch-notice-text";
import { formatDate, formatInstant } from "../../shared/dates";
import { regionLabel } from "../../shared/labels";

const card = (title: string) => ({
  title: <h2 style={{ margin: 0, fontSize: 16 }}>{title}</h2>,
  style: { marginBottom: 16 },
});

/** The whole definition, read-only, laid out like the editor's sections. */
export function BatchView({ batch }: { batch: StaffBatch }) {
  const { definition } = batch;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card {...card("基本信息")}>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              { key: "title", label: "通知标题", children: definition.title, span: 2 },
              { key: "short", label: "批次简称", children: definition.shortTitle },
              { key: "code", label: "批次代码", children: definition.code },
              { key: "number", label: "文号", children: definition.documentNumber ?? "—" },
              { key: "published", label: "发布日期", children: formatDate(definition.publishedOn) },
              { key: "issuer", label: "发文机关", children: definition.issuingBody },
              { key: "seal", label: "代章说明", children: definition.sealNote ?? "—" },
              {
                key: "scope",
                label: "遴选范围",
                children:
                  definition.scope.level === "national" ? "全国" : regionLabel(definition.scope.regionCode),
              },
              { key: "addressees", label: "主送单位", children: definition.addressees || "—", span: 2 },
              { key: "created", label: "创建时间", children: formatInstant(batch.createdAt) },
              { key: "updated", label: "最近修改", children: formatInstant(batch.updatedAt) },
              { key: "publishedAt", label: "发布时间", children: formatInstant(batch.publishedAt) },
              { key: "version", label: "版本", children: `第${batch.version}版` },
            ]}
          />
        </Card>
        <Card {...card("通知正文")}>
          <Collapse
            size="small"
            items={[
              {
                key: "text",
                label: "展开通知正文",
                children: <BatchNoticeText text={definition.batchNoticeText} />,
              },
            ]}
          />
        </Card>
        <Card {...card("职业与等级、排除项")}>
          <OccupationTable definition={definition} />
        </Card>
        <Card {...card("资格条件")}>
          <EligibilityList definition={definition} />
        </Card>
        <Card {...card("名额")}>
          <QuotaSummary definition={definition} />
        </Card>
        <Card {...card("附件要求")}>
          <AttachmentList definition={definition} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card {...card("关键日期")}>
          <KeyDates definition={definition} />
        </Card>
        <Card {...card("阶段")}>
          <StageTimeline definition={definition} />
        </Card>
        <Card {...card("联系方式")}>
          <ContactList definition={definition} />
        </Card>
      </Col>
    </Row>
  );
}
