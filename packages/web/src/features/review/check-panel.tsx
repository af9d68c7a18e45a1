import type { RecommendationCheckItem } from "@linxuan/domain";
import { Alert, App, Button, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { ReasonModal } from "../../shared/reason-modal";
import { useCheckRecommendation, useRecommendationChecks } from "./queries";

/**
 * 审核推荐结果 (notice 四(四)): the office checks each training application the provinces
 * recommended, 通过 or 不通过 with its opinion; only a passed one may be approved at 审定.
 */
export function CheckPanel({ batchId }: { batchId: string }) {
  const list = useRecommendationChecks(batchId);
  const check = useCheckRecommendation(batchId);
  const { message } = App.useApp();
  const [checking, setChecking] = useState<{
    item: RecommendationCheckItem;
    outcome: "passed" | "failed";
  } | null>(null);
  if (list.isError) return <Alert type="error" showIcon title={errorText(list.error)} />;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          list.data?.trainingExpertScoring === false
            ? "本批次培训机构申报只审核、不评分：审核后即转入审定，审核不通过的不能审定通过。"
            : "本批次培训机构申报既审核、也由专家评分：审核不通过的不能审定通过。"
        }
      />
      <Table<RecommendationCheckItem>
        rowKey="applicationId"
        size="small"
        loading={list.isPending}
        pagination={false}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: "没有各地推荐的培训机构申报" }}
        columns={[
          {
            title: "申报单位",
            key: "institution",
            render: (_, item) => (
              <Link to={`/workbench/applications/${encodeURIComponent(item.applicationId)}`}>
                {item.institutionName}
              </Link>
            ),
          },
          { title: "职业", dataIndex: "occupationName", width: 200 },
          { title: "推荐地区", key: "region", width: 120, render: (_, item) => item.regionName ?? "—" },
          {
            title: "审核结果",
            key: "outcome",
            width: 260,
            render: (_, item) =>
              item.outcome ? (
                <Tooltip title={`${item.checkedBy ?? ""} 于 ${formatInstant(item.checkedAt)} 审核`}>
                  <Space direction="vertical" size={0}>
                    <Tag color={item.outcome === "passed" ? "green" : "red"}>{item.outcomeName}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {item.reason}
                    </Typography.Text>
                  </Space>
                </Tooltip>
              ) : (
                <Space size={4}>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setChecking({ item, outcome: "passed" })}
                  >
                    审核通过
                  </Button>
                  <Button size="small" danger onClick={() => setChecking({ item, outcome: "failed" })}>
                    审核不通过
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <ReasonModal
        open={checking !== null}
        title={`${checking?.outcome === "failed" ? "审核不通过" : "审核通过"}：${checking?.item.institutionName ?? ""}`}
        label="审核意见"
        okText="确认审核"
        danger={checking?.outcome === "failed"}
        onSubmit={async (values) => {
          if (!checking) return;
          await check.mutateAsync({
            id: checking.item.applicationId,
            outcome: checking.outcome,
            reason: values.reason,
          });
          message.success("已审核");
        }}
        onClose={() => setChecking(null)}
      />
    </>
  );
}
