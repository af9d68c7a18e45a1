import { roleMayRun } from "@linxuan/domain";
import { Typography } from "antd";
import { useSession } from "../../app/session";
import { ButtonLink } from "../../shared/button-link";
import { PlainResult } from "../../shared/plain-result";
import { InstitutionAssessments } from "./institution-assessments";
import { OfficeAssessments } from "./office-assessments";
import "../public-notices/public-notices.css";

/**
 * /workbench/assessments: the office runs 考核评估; a listed institution sees its own and reports.
 * Two roles with two commands share the address, so the page picks its view itself.
 */
export function AssessmentsPage() {
  const { data: user } = useSession();
  if (!user) return null;
  const office = roleMayRun(user.role, "assessment.manage");
  const institution = roleMayRun(user.role, "assessment.submit");
  if (!office && !institution) {
    return (
      <PlainResult
        kind="403"
        title="无权访问"
        subTitle="您的账号角色不能使用此功能。"
        extra={<ButtonLink to="/workbench">返回工作台</ButtonLink>}
      />
    );
  }
  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>{office ? "考核评估" : "目录与考核评估"}</h1>
          <Typography.Text type="secondary">
            {office
              ? "目录内机构按所属批次通知规定的周期考核评估：通过的延续有效期，不通过的移出目录，通知规定限制再次申报的，在规定年限内不得再次申报。"
              : "本单位纳入目录的机构按所属批次通知的规定接受考核评估，请在截止时间前提交考核评估报告。"}
          </Typography.Text>
        </div>
      </div>
      {office ? <OfficeAssessments /> : <InstitutionAssessments />}
    </>
  );
}
