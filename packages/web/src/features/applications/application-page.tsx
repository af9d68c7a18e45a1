import { getFormTemplate, levelName } from "@linxuan/domain";
import { Alert, Breadcrumb, Skeleton, Space, Typography } from "antd";
import { Link, useParams } from "react-router";
import type { LevelCode } from "../../app/api-types";
import { useSession } from "../../app/session";
import { ButtonLink } from "../../shared/button-link";
import { errorText } from "../../shared/form-errors";
import { isApiError } from "../../shared/http";
import { PlainResult } from "../../shared/plain-result";
import { ApplicationWorkspace } from "./application-workspace";
import { PaperStatusCard } from "./paper-status-card";
import { ProgressSteps } from "./progress-steps";
import { useApplication } from "./queries";
import { RoutingAlert } from "./routing-alert";
import { ApplicationStatusTag, Deadline } from "./status-parts";
import "./application-parts.css";
import "./applications.css";
import { PrintButton } from "../../shared/print-button";
import { SiteVisitCard } from "../site-visits/site-visit-card";

/** /workbench/applications/:id — one application: fill it in, check it, submit it, follow it. */
export function ApplicationPage() {
  const { id = "" } = useParams();
  const query = useApplication(id);
  const { data: user } = useSession();

  if (query.isPending) return <Skeleton active paragraph={{ rows: 14 }} />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <PlainResult
          kind="404"
          title="申报不存在或无权查看"
          extra={<ButtonLink to="/workbench/applications">返回我的申报</ButtonLink>}
        />
      );
    }
    return <Alert type="error" showIcon title={errorText(query.error)} />;
  }
  const application = query.data;
  const template = getFormTemplate(application.templateId);
  if (!template) {
    return (
      <Alert type="error" showIcon title={`申报表模板 ${application.templateId} 不存在，请联系系统管理员`} />
    );
  }
  const levels = (application.levels as LevelCode[]).map(levelName).join("、");
  // A new status (submitted, returned, withdrawn) starts a fresh editor from the server's values.
  const editorKey = `${application.id}:${application.status}:${application.versions.length}`;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/workbench/applications">我的申报</Link> },
          { title: `${application.occupationName}（${application.kindName}）` },
        ]}
      />
      <div className="lx-page-heading">
        <div>
          <h1>
            {application.occupationName} · {application.kindName}申报
          </h1>
          <Space size={8} wrap style={{ marginTop: 8 }}>
            <ApplicationStatusTag status={application.status} name={application.statusName} />
            {application.number && (
              <Typography.Text
                className="lx-nowrap"
                copyable={{ text: application.number, tooltips: ["复制申报编号", "已复制"] }}
              >
                申报编号 {application.number}
              </Typography.Text>
            )}
            <Typography.Text type="secondary">{application.batch.shortTitle}</Typography.Text>
            <Typography.Text type="secondary">等级：{levels}</Typography.Text>
            <Typography.Text type="secondary">{template.title}</Typography.Text>
            {application.versions.length > 0 && (
              <Typography.Text type="secondary">已提交 {application.versions.length} 个版本</Typography.Text>
            )}
          </Space>
        </div>
        <Space wrap align="start">
          {application.permissions.canEdit && (
            <div className="lx-heading-deadline">
              <Deadline deadline={application.deadline} />
            </div>
          )}
          <PrintButton />
        </Space>
      </div>
      <ProgressSteps application={application} />
      {/* Where it goes and the paper it needed are history once it is in the catalog. */}
      {application.status !== "listed" && (
        <>
          <RoutingAlert application={application} />
          <PaperStatusCard application={application} />
        </>
      )}
      {/* 考察 is the office's record: staff who may see the application read it, institutions do not. */}
      {user && user.role !== "institution" && <SiteVisitCard applicationId={application.id} />}
      <ApplicationWorkspace key={editorKey} application={application} template={template} />
    </>
  );
}
