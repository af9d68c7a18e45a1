import { Alert, Descriptions } from "antd";
import type { StaffBatchSummary, User } from "../../app/api-types";
import { errorText } from "../../shared/form-errors";
import { HomeCard } from "../../shared/home-card";
import { useStaffBatches } from "../batches/queries";
import { QueueSummaryCard } from "../recommendation-queue/queue-summary-card";
import { BatchLinks, HomeHeading } from "./home-parts";

type JurisdictionRole = "provincialRecommender" | "industryRecommender" | "receivingCentre";

const duties: Record<JurisdictionRole, string> = {
  provincialRecommender:
    "对本地区申报单位进行审核评议，结合本地区数字技术人才培养的实际需要择优推荐，并出具推荐函。培训机构按属地管理原则由登记所在地推荐。",
  industryRecommender: "对本行业申报的评价机构进行审核评议，择优推荐，并出具推荐函。",
  receivingCentre: "接收申报单位报送的纸质材料，登记接收情况并进行形式审查。",
};

/** Whether a published batch concerns a unit with this jurisdiction. */
function concerns(user: User, batch: StaffBatchSummary): boolean {
  if (batch.status !== "published") return false;
  const regional = batch.scope.level === "region" && batch.scope.regionCode === user.regionCode;
  switch (user.role) {
    case "provincialRecommender":
      return batch.scope.level === "national" || regional;
    case "industryRecommender":
      return batch.scope.level === "national" && batch.kinds.includes("evaluation");
    default:
      return regional;
  }
}

/** Recommenders and the receiving centre: their jurisdiction and the batches that reach it. */
export function JurisdictionHome({ user, role }: { user: User; role: JurisdictionRole }) {
  const batches = useStaffBatches();
  const mine = (batches.data ?? []).filter((batch) => concerns(user, batch));
  const region = user.regionName ?? "";
  const title =
    role === "provincialRecommender"
      ? `${region} 省级推荐单位工作台`
      : role === "receivingCentre"
        ? `${region} 材料接收中心工作台`
        : `${user.industryScope ?? ""} 行业推荐单位工作台`;
  const scope =
    role === "industryRecommender"
      ? { label: "行业范围", value: user.industryScope ?? "未设置（请联系系统管理员）" }
      : { label: "所属地区", value: user.regionName ?? "未设置（请联系系统管理员）" };

  return (
    <>
      <HomeHeading title={title.trim()} subtitle={`您好，${user.displayName}。`} />
      <QueueSummaryCard user={user} />
      <HomeCard title="管辖范围">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: "unit", label: "单位", children: user.displayName },
            { key: "role", label: "角色", children: user.roleName },
            { key: "scope", label: scope.label, children: scope.value },
            { key: "account", label: "账号", children: user.username },
            { key: "duty", label: "职责", children: duties[role], span: 2 },
          ]}
        />
      </HomeCard>
      <HomeCard title="涉及本单位的遴选批次">
        {batches.isError ? (
          <Alert type="error" showIcon title={errorText(batches.error)} />
        ) : (
          <BatchLinks
            batches={mine}
            empty={batches.isPending ? "正在加载…" : "目前没有涉及本单位的已发布批次"}
          />
        )}
      </HomeCard>
    </>
  );
}
