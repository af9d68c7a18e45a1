import { Alert, Descriptions } from "antd";
import type { User } from "../../app/api-types";
import { errorText } from "../../shared/form-errors";
import { HomeCard } from "../../shared/home-card";
import { ExpertTasksCard } from "../expert-review/expert-tasks-card";
import { usePublicBatches } from "../public/queries";
import { BatchLinks, HomeHeading } from "./home-parts";

export function ExpertHome({ user }: { user: User }) {
  const batches = usePublicBatches();
  return (
    <>
      <HomeHeading title="评审专家工作台" subtitle={`您好，${user.displayName}。`} />
      <ExpertTasksCard />
      <HomeCard title="专家信息">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: "name", label: "姓名", children: user.displayName },
            { key: "account", label: "账号", children: user.username },
            { key: "role", label: "角色", children: user.roleName },
            { key: "region", label: "所在地区", children: user.regionName ?? "—" },
            {
              key: "duty",
              label: "评议要求",
              span: 2,
              children: "专家只能查看分配给本人的申报材料；与申报单位存在利益关系的，应主动申明回避。",
            },
          ]}
        />
      </HomeCard>
      <HomeCard title="已发布的遴选批次">
        {batches.isError ? (
          <Alert type="error" showIcon title={errorText(batches.error)} />
        ) : (
          <BatchLinks
            batches={batches.data ?? []}
            empty={batches.isPending ? "正在加载…" : "暂无已发布的遴选批次"}
          />
        )}
      </HomeCard>
    </>
  );
}
