import { getFormTemplate, levelName } from "@linxuan/domain";
import { Alert, Breadcrumb, Card, Skeleton, Space, Tabs, Typography } from "antd";
import { Link, useParams, useSearchParams } from "react-router";
import type { User } from "../../app/api-types";
import { useSession } from "../../app/session";
import { ButtonLink } from "../../shared/button-link";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { isApiError } from "../../shared/http";
import { PlainResult } from "../../shared/plain-result";
import { PrintButton } from "../../shared/print-button";
import { AttachmentsCard } from "../applications/attachments-card";
import { DocumentButtons } from "../applications/document-buttons";
import { EligibilityPanel } from "../applications/eligibility-panel";
import { slotLabels } from "../applications/form-model";
import { useApplication } from "../applications/queries";
import { ApplicationStatusTag } from "../applications/status-parts";
import type { Application } from "../applications/types";
import { VersionsPanel } from "../applications/versions-panel";
import { useStaffBatch } from "../batches/queries";
import { CentreActions } from "./centre-actions";
import { PersonalData } from "./personal-data";
import { useBatchQueue } from "./queries";
import { EligibilityTag } from "./queue-table";
import { ReadOnlyForm, readOnlyEnv } from "./read-only-form";
import { RecommendActions } from "./recommend-actions";

/** /workbench/recommendation-queue/:applicationId — one application as its recommender or the receiving centre acts on it. */
export function QueueApplicationPage() {
  const { applicationId = "" } = useParams();
  const [params] = useSearchParams();
  const query = useApplication(applicationId);
  const { data: user } = useSession();
  const back = `/workbench/recommendation-queue${params.get("batchId") ? `?batchId=${params.get("batchId")}` : ""}`;

  if (!user) return null;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 14 }} />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <PlainResult
          kind="404"
          title="申报不存在或不在本单位的审核范围内"
          extra={<ButtonLink to={back}>返回审核队列</ButtonLink>}
        />
      );
    }
    return <Alert type="error" showIcon title={errorText(query.error)} />;
  }
  return (
    <QueueApplicationView
      application={query.data}
      user={user}
      back={back}
      openReceipt={params.get("receive") === "1"}
    />
  );
}

function QueueApplicationView({
  application,
  user,
  back,
  openReceipt,
}: {
  application: Application;
  user: User;
  back: string;
  openReceipt: boolean;
}) {
  const template = getFormTemplate(application.templateId);
  const batch = useStaffBatch(application.batchId);
  const queue = useBatchQueue(application.batchId);
  const stages = batch.data?.definition.stages.map((stage) => stage.code) ?? [];
  const item = queue.data?.items.find((row) => row.id === application.id);
  const latest = application.versions.at(-1)?.number;
  const centre = user.role === "receivingCentre";
  const env = template ? readOnlyEnv(template, slotLabels(template)) : null;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to={back}>审核队列</Link> }, { title: application.institution.name }]}
      />
      <div className="lx-page-heading">
        <div>
          <h1>{application.institution.name}</h1>
          <Space size={8} wrap style={{ marginTop: 8 }}>
            <ApplicationStatusTag status={application.status} name={application.statusName} />
            {application.number && (
              <Typography.Text className="lx-nowrap">申报编号 {application.number}</Typography.Text>
            )}
            {item && <EligibilityTag outcome={item.eligibility} notes={item.eligibilityNotes} />}
            <Typography.Text type="secondary">{application.kindName}</Typography.Text>
            <Typography.Text type="secondary">{application.occupationName}</Typography.Text>
            <Typography.Text type="secondary">
              等级：{application.levels.map(levelName).join("、")}
            </Typography.Text>
            <Typography.Text type="secondary">
              统一社会信用代码：{application.institution.creditCode}
            </Typography.Text>
            <Typography.Text type="secondary">已提交 {application.versions.length} 个版本</Typography.Text>
          </Space>
        </div>
        <PrintButton />
      </div>
      {application.status === "returned" && application.returnReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16, whiteSpace: "pre-line" }}
          title="已退回申报单位修改"
          description={`${application.returnReason}${application.returnReplyBy ? `\n答复期限：${formatInstant(application.returnReplyBy)}` : ""}`}
        />
      )}
      {item?.choice && (
        <Alert
          type={item.choice === "recommended" ? "success" : "error"}
          showIcon
          style={{ marginBottom: 16 }}
          title={item.choice === "recommended" ? `已推荐（本职业第${item.rank}名）` : "不予推荐"}
          description={item.choiceReason}
        />
      )}
      {queue.data?.closed && !centre && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="本单位已确认推荐名单并出具推荐函，名单不能再修改。"
        />
      )}
      <Card title="审核操作" size="small" style={{ marginBottom: 16 }}>
        {centre ? (
          <CentreActions
            application={application}
            template={template}
            user={user}
            stages={stages}
            queue={queue.data}
            openReceipt={openReceipt}
          />
        ) : (
          <RecommendActions
            application={application}
            template={template}
            user={user}
            stages={stages}
            queue={queue.data}
          />
        )}
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: "form",
              label: "申报表",
              children: (
                <>
                  <Space wrap style={{ marginBottom: 12 }}>
                    {latest && <DocumentButtons applicationId={application.id} version={latest} />}
                    <Typography.Text type="secondary">
                      个人信息已脱敏；在“个人信息”页可逐项查看（记入审计）。
                    </Typography.Text>
                  </Space>
                  <ReadOnlyForm templateId={application.templateId} values={application.values} />
                </>
              ),
            },
            {
              key: "personal",
              label: "个人信息",
              children: (
                <PersonalData
                  applicationId={application.id}
                  templateId={application.templateId}
                  values={application.values}
                />
              ),
            },
            {
              key: "attachments",
              label: `附件（${application.attachments.length}）`,
              children: <AttachmentsCard application={application} editable={false} />,
            },
            {
              key: "eligibility",
              label: "资格条件",
              children: <EligibilityPanel eligibility={application.eligibility} />,
            },
            {
              key: "versions",
              label: "版本与修改",
              children: env ? <VersionsPanel application={application} env={env} /> : null,
            },
          ]}
        />
      </Card>
    </>
  );
}
