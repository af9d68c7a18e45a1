import { CheckCircleFilled, ExclamationCircleFilled, SendOutlined, WarningFilled } from "@ant-design/icons";
import { Alert, App, Button, Checkbox, Input, Radio, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { isApiError } from "../../shared/http";
import { regionLabel } from "../../shared/labels";
import { fieldDomId } from "./form-model";
import { CREDIT_CODE_WARNING, groupProblems, type Problem } from "./precheck-model";
import type { SubmitInput } from "./queries";
import type { Application, RecommenderType } from "./types";

type Props = {
  application: Application;
  problems: Problem[];
  /** Problems the server named when it refused the last submission. */
  serverProblems: Problem[];
  unsaved: string | null;
  submitting: boolean;
  onJump: (path: string) => void;
  onSubmit: (input: SubmitInput) => Promise<void>;
};

function ProblemList({ problems, onJump }: { problems: Problem[]; onJump: (path: string) => void }) {
  return (
    <div className="lx-problems">
      {groupProblems(problems).map(([group, items]) => (
        <section key={group} className="lx-problem-group" aria-label={group}>
          <h3>
            {group}
            <span className="lx-muted">（{items.length} 项）</span>
          </h3>
          <ul>
            {items.map((problem) => (
              <li key={problem.key} className={`lx-problem lx-problem-${problem.severity}`}>
                {problem.severity === "error" ? (
                  <ExclamationCircleFilled className="lx-problem-icon" />
                ) : (
                  <WarningFilled className="lx-problem-icon" />
                )}
                <span className="lx-problem-text">{problem.message}</span>
                <Button type="link" size="small" onClick={() => onJump(problem.path)}>
                  去修改
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** 推荐单位: where the batch lets the applicant choose (evaluation: province or industry department). */
function RecommenderChoice({
  application,
  type,
  value,
  onType,
  onValue,
}: {
  application: Application;
  type: RecommenderType;
  value: string;
  onType: (type: RecommenderType) => void;
  onValue: (value: string) => void;
}) {
  // The region comes from the server's routing (Beijing for central units), not from the credit code.
  const { routing, recommender } = application;
  const regionText =
    routing.target === "recommender" && recommender?.type === "region" && recommender.value
      ? `属地省级人力资源社会保障部门（${regionLabel(recommender.value)}）`
      : "属地省级人力资源社会保障部门";
  if (application.batch.recommenderChoice[application.kind] !== "regionOrIndustry") {
    return <Typography.Paragraph>提交后由{regionText}审核推荐。</Typography.Paragraph>;
  }
  return (
    <div id={fieldDomId("recommender")}>
      <Radio.Group value={type} onChange={(event) => onType(event.target.value as RecommenderType)}>
        <Space orientation="vertical">
          <Radio value="region">{regionText}</Radio>
          <Radio value="industry">行业主管（业务指导）部门人事部门</Radio>
        </Space>
      </Radio.Group>
      {type === "industry" && (
        <Input
          aria-label="行业主管部门名称"
          placeholder="请填写行业主管部门，如：工业和信息化"
          value={value}
          maxLength={100}
          style={{ maxWidth: 420, marginTop: 8, display: "block" }}
          onChange={(event) => onValue(event.target.value)}
        />
      )}
    </div>
  );
}

/**
 * 提交前检查: every remaining problem with a link to it, then 提交 (disabled while any remains).
 * A wrong credit-code check character is only a warning — some early codes fail the check — but it
 * must be confirmed explicitly before submitting.
 */
export function PrecheckPanel(props: Props) {
  const { application, problems, serverProblems, unsaved, submitting, onJump, onSubmit } = props;
  const { modal } = App.useApp();
  const [creditConfirmed, setCreditConfirmed] = useState(false);
  const [type, setType] = useState<RecommenderType>("region");
  const [industry, setIndustry] = useState("");
  const [failure, setFailure] = useState<string | null>(null);

  const errors = problems.filter((problem) => problem.severity === "error");
  const warnings = problems.filter((problem) => problem.severity === "warning");
  const creditWarning = warnings.some((problem) => problem.code === CREDIT_CODE_WARNING);
  const recommenderMissing = application.batch.hasRecommendation && type === "industry" && !industry.trim();
  const resubmit = application.status === "returned";
  const blocked =
    errors.length > 0 || (creditWarning && !creditConfirmed) || recommenderMissing || unsaved !== null;

  const submit = () => {
    modal.confirm({
      title: resubmit ? "确认重新提交？" : "确认提交申报？",
      content: `提交后申报表将锁定为第${application.versions.length + 1}版，不能再修改（被退回时除外）。截止时间：${formatInstant(application.deadline, true)}。`,
      okText: resubmit ? "确认重新提交" : "确认提交",
      cancelText: "再检查一下",
      onOk: async () => {
        setFailure(null);
        const recommender =
          application.batch.hasRecommendation && type === "industry"
            ? { type, value: industry.trim() }
            : null;
        try {
          await onSubmit({ recommender });
        } catch (error) {
          setFailure(
            isApiError(error, "APPLICATION_INCOMPLETE")
              ? "服务器检查发现以下问题，请处理后再提交"
              : errorText(error),
          );
        }
      },
    });
  };

  return (
    <div className="lx-precheck">
      {problems.length === 0 && serverProblems.length === 0 ? (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleFilled />}
          title="检查通过：申报表已填写完整，必传附件已上传，可以提交"
        />
      ) : (
        <Alert
          type={errors.length > 0 ? "error" : "warning"}
          showIcon
          title={
            errors.length > 0
              ? `还有 ${errors.length} 项问题需要处理后才能提交${warnings.length > 0 ? `，另有 ${warnings.length} 项提示请核对` : ""}`
              : `有 ${warnings.length} 项提示请核对（不影响提交）`
          }
          description="点击“去修改”跳到对应位置。所有问题处理完后，“提交”按钮才可使用。"
        />
      )}
      {serverProblems.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <Typography.Title level={5}>服务器拒绝提交的原因</Typography.Title>
          <ProblemList problems={serverProblems} onJump={onJump} />
        </div>
      )}
      {problems.length > 0 && <ProblemList problems={problems} onJump={onJump} />}

      <div className="lx-submit-box">
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {resubmit ? "重新提交" : "提交申报"}
        </Typography.Title>
        {creditWarning && (
          <Checkbox checked={creditConfirmed} onChange={(event) => setCreditConfirmed(event.target.checked)}>
            统一社会信用代码未通过校验位检查。我已核对，该代码与营业执照（法人登记证书）上的完全一致。
          </Checkbox>
        )}
        {application.batch.hasRecommendation ? (
          <div style={{ margin: "12px 0" }}>
            <Typography.Text strong>推荐单位</Typography.Text>
            <RecommenderChoice
              application={application}
              type={type}
              value={industry}
              onType={setType}
              onValue={setIndustry}
            />
          </div>
        ) : (
          <Typography.Paragraph style={{ margin: "12px 0" }}>
            本批次不设推荐环节。网上提交后，请将打印并加盖单位印章的申报材料
            {application.batch.paperCopies > 0 ? `（纸质一式${application.batch.paperCopies}份）` : ""}
            报送{application.batch.submitTo || "组织单位"}。
          </Typography.Paragraph>
        )}
        {unsaved && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={unsaved} />}
        {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={failure} />}
        <Space wrap>
          <Button
            type="primary"
            size="large"
            icon={<SendOutlined />}
            disabled={blocked}
            loading={submitting}
            onClick={submit}
          >
            {resubmit ? "重新提交" : "提交"}
          </Button>
          <Typography.Text type="secondary">
            截止时间：{formatInstant(application.deadline, true)}（以服务器时间为准）
          </Typography.Text>
          {!blocked && <Tag color="green">可以提交</Tag>}
        </Space>
      </div>
    </div>
  );
}
