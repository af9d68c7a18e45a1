import { type BatchDefinition, LEVELS, OCCUPATIONS } from "@linxuan/domain";
import { App, Breadcrumb, Typography } from "antd";
import { useMemo } from "react";
import { Link, useNavigate } from "react-router";
import type { User } from "../../app/api-types";
import { useSession } from "../../app/session";
import { todayInShanghai } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { BatchForm } from "./batch-form";
import { useCreateBatch } from "./queries";

/** A starting point with the program's standing rules; everything notice-specific left blank. */
function blankDefinition(user: User | null | undefined): BatchDefinition {
  const regional = user?.role === "provincialOffice" && user.regionCode;
  return {
    code: "",
    title: "",
    shortTitle: "",
    documentNumber: null,
    issuingBody: "",
    sealNote: null,
    publishedOn: todayInShanghai(),
    scope: regional ? { level: "region", regionCode: user.regionCode ?? "" } : { level: "national" },
    addressees: "",
    batchNoticeText: "",
    contacts: [{ label: "联系电话", value: "" }],
    kinds: ["training"],
    formTemplates: { training: null, evaluation: null },
    occupations: OCCUPATIONS.map((occupation) => occupation.code),
    levels: LEVELS.map((level) => level.code),
    exclusions: [],
    eligibilityRules: [
      { rule: "noDishonestyRecord", severity: "hard" },
      { rule: "notBarred", severity: "hard" },
      { rule: "occupationOpen", severity: "hard" },
    ],
    quotas: { evaluation: null, training: { perOccupationPerRegion: 5, regionOverrides: [] }, note: "" },
    stages: [
      { code: "submission", opensAt: null, closesAt: null },
      { code: "expertReview", opensAt: null, closesAt: null },
      { code: "decision", opensAt: null, closesAt: null },
      { code: "publicNotice", opensAt: null, closesAt: null },
      { code: "catalog", opensAt: null, closesAt: null },
    ],
    onlineDeadline: "",
    paperDeadline: null,
    paperCopies: 0,
    submitTo: "",
    publicNoticeWorkdays: 5,
    catalogValidityYears: 3,
    assessmentCycleYears: 3,
    reapplicationBanYears: 3,
    catalogPublisher: { training: regional ? "organizer" : "provincial", evaluation: "national" },
    requiredAttachments: [
      { code: "stampedForm", name: "申报表（加盖单位印章的PDF）", required: true, note: "" },
      {
        code: "legalRegistrationCertificate",
        name: "法人登记证书复印件（加盖单位印章）",
        required: true,
        note: "",
      },
      { code: "creditReport", name: "信用报告或诚信承诺书", required: true, note: "" },
      { code: "supportingMaterials", name: "支撑材料", required: false, note: "" },
    ],
    recommenderChoice: { training: "region", evaluation: "regionOrIndustry" },
  };
}

export function NewBatchPage() {
  const { data: user } = useSession();
  const create = useCreateBatch();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const initial = useMemo(() => blankDefinition(user), [user]);

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/workbench/batches">遴选批次</Link> }, { title: "新建批次" }]}
      />
      <div className="lx-page-heading">
        <div>
          <h1>新建批次</h1>
          <Typography.Text type="secondary">
            按新通知填写批次。保存后为草稿，可继续修改，确认无误后发布。也可以在批次列表中复制已有批次再修改。
          </Typography.Text>
        </div>
      </div>
      <BatchForm
        initial={initial}
        submitText="保存草稿"
        onSubmit={async (definition) => {
          const batch = await create.mutateAsync(definition);
          message.success("已保存为草稿");
          return () => navigate(`/workbench/batches/${batch.id}?tab=edit`, { replace: true });
        }}
        onError={(error) => message.error(errorText(error))}
      />
    </>
  );
}
