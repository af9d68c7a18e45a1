import { StopOutlined } from "@ant-design/icons";
import { levelName } from "@linxuan/domain";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ButtonLink } from "../../shared/button-link";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { isApiError } from "../../shared/http";
import { PlainResult } from "../../shared/plain-result";
import { ReasonModal } from "../../shared/reason-modal";
import { ReadOnlyForm } from "../recommendation-queue/read-only-form";
import { AttachmentsCard } from "./attachments-card";
import { PledgeCard } from "./pledge-card";
import { myAssignmentsKey, type OpenedAssignment, useDeclareConflict, useOpenedAssignment } from "./queries";
import { ScoreSheet } from "./score-sheet";
import "./expert-review.css";
import { PrintButton } from "../../shared/print-button";

const back = <ButtonLink to="/workbench/expert-review">返回我的评议任务</ButtonLink>;

/** /workbench/expert-review/:assignmentId — the application (masked) beside the score sheet. */
export function ScoringPage() {
  const { assignmentId = "" } = useParams();
  const opened = useOpenedAssignment(assignmentId);
  if (opened.isPending) return <Skeleton active paragraph={{ rows: 14 }} />;
  if (opened.isError) {
    if (isApiError(opened.error, "CONFLICT_OF_INTEREST")) {
      return (
        <Result
          status="warning"
          icon={<StopOutlined />}
          title="须回避，不能评议该申报"
          subTitle={`${opened.error.message}。请申报回避，由办公室改派其他专家。`}
          extra={
            <Space>
              <DeclareButton assignmentId={assignmentId} />
              {back}
            </Space>
          }
        />
      );
    }
    if (isApiError(opened.error, "PLEDGE_REQUIRED")) {
      return <PledgeCard assignmentId={assignmentId} extra={back} />;
    }
    if (isApiError(opened.error) && opened.error.status === 404) {
      return <PlainResult kind="404" title="评议任务不存在或已取消" extra={back} />;
    }
    return <Alert type="error" showIcon title={errorText(opened.error)} />;
  }
  return <Scoring assignmentId={assignmentId} opened={opened.data} />;
}

function Scoring({ assignmentId, opened }: { assignmentId: string; opened: OpenedAssignment }) {
  const client = useQueryClient();
  const { application, batch, rubric, sheet } = opened;
  const overdue = Boolean(
    batch.dueAt && Date.parse(batch.dueAt) < Date.now() && sheet?.status !== "submitted",
  );
  const refresh = () => client.invalidateQueries({ queryKey: [...myAssignmentsKey, assignmentId] });

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/workbench/expert-review">我的评议任务</Link> },
          { title: application.institutionName },
        ]}
      />
      <div className="lx-page-heading">
        <div>
          <h1>{application.institutionName}</h1>
          <Space size={8} wrap style={{ marginTop: 8 }}>
            <Tag>{application.kindName}</Tag>
            <Typography.Text type="secondary">{application.occupationName}</Typography.Text>
            <Typography.Text type="secondary">
              等级：{application.levels.map(levelName).join("、")}
            </Typography.Text>
            <Typography.Text type="secondary">{batch.title}</Typography.Text>
            {batch.dueAt && (
              <Typography.Text type={overdue ? "danger" : "secondary"}>
                评议截止：{formatInstant(batch.dueAt)}
                {overdue ? "（已逾期）" : ""}
              </Typography.Text>
            )}
          </Space>
        </div>
        <Space wrap>
          <PrintButton />
          {sheet?.status !== "submitted" && <DeclareButton assignmentId={assignmentId} />}
        </Space>
      </div>
      {sheet?.reopenedReason && sheet.status !== "submitted" && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="办公室请您复核评分"
          description={sheet.reopenedReason}
        />
      )}
      {sheet?.status === "submitted" && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={`评分已提交（${formatInstant(sheet.savedAt)}），总分 ${sheet.total?.toFixed(2) ?? "—"} 分。如需修改，请联系办公室重新开放。`}
        />
      )}
      <Row gutter={16} align="top">
        <Col xs={24} xl={14}>
          <AttachmentsCard assignmentId={assignmentId} opened={opened} />
          <Card title="申报材料（个人信息已脱敏）" size="small" style={{ marginBottom: 16 }}>
            <ReadOnlyForm templateId={application.templateId} values={application.values} />
          </Card>
        </Col>
        <Col xs={24} xl={10} className="lx-score-column">
          {rubric ? (
            <ScoreSheet
              key={`${sheet?.status ?? "new"}-${sheet?.revision ?? 0}`}
              assignmentId={assignmentId}
              opened={opened}
              rubric={rubric}
              onSubmitted={refresh}
            />
          ) : (
            <Alert type="warning" showIcon title="本批次尚未设置评分细则，请联系办公室" />
          )}
          {opened.peers && (
            <Card title="其他专家的评分（已公开）" size="small" style={{ marginTop: 16 }}>
              <Table
                rowKey="name"
                size="small"
                pagination={false}
                dataSource={opened.peers}
                locale={{ emptyText: "其他专家尚未提交评分" }}
                columns={[
                  { title: "专家", dataIndex: "name", width: 90 },
                  {
                    title: "总分",
                    dataIndex: "total",
                    width: 80,
                    render: (total: number | null) => (total === null ? "—" : total.toFixed(2)),
                  },
                  { title: "综合评议意见", dataIndex: "overall" },
                ]}
              />
            </Card>
          )}
          {opened.history.length > 1 && (
            <Card title="历次提交" size="small" style={{ marginTop: 16 }}>
              {opened.history.map((item) => (
                <div key={item.submittedAt}>
                  {formatInstant(item.submittedAt, true)}：{item.total.toFixed(2)} 分
                </div>
              ))}
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}

/** 申报回避: the expert withdraws from an application with a reason; the office reassigns it. */
function DeclareButton({ assignmentId }: { assignmentId: string }) {
  const navigate = useNavigate();
  const declare = useDeclareConflict(assignmentId);
  const { message } = App.useApp();
  const [declaring, setDeclaring] = useState(false);
  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setDeclaring(true)}>
        申报回避
      </Button>
      <ReasonModal
        open={declaring}
        title="申报回避"
        label="回避理由"
        okText="申报回避"
        danger
        extra={
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="申报回避后，该任务将从您的列表中撤出，由办公室改派其他专家；已填写的评分不再使用。"
          />
        }
        onSubmit={async (values) => {
          await declare.mutateAsync(values.reason);
          message.success("已申报回避，办公室将改派其他专家");
          navigate("/workbench/expert-review");
        }}
        onClose={() => setDeclaring(false)}
      />
    </>
  );
}
