import { PlusOutlined } from "@ant-design/icons";
import { conflictTypeNames } from "@linxuan/domain";
import { App, Button, Card, Collapse, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useExperts } from "../experts/queries";
import { FailureList } from "./failure-list";
import { useApplyAssignments, useCandidates } from "./queries";

/** 手工分配: one application, one expert; the server checks occupation, conflicts and load again. */
export function ManualAssign({ batchId }: { batchId: string }) {
  const { candidates, isPending } = useCandidates(batchId);
  const experts = useExperts({ active: "true" });
  const apply = useApplyAssignments(batchId);
  const [applicationId, setApplicationId] = useState<string | undefined>();
  const [expertId, setExpertId] = useState<string | undefined>();
  const { message } = App.useApp();
  const chosen = candidates.find((candidate) => candidate.id === applicationId);
  // The server refuses an expert already on the application or in conflict with it: say so here.
  const assigned = new Set(chosen?.experts.map((expert) => expert.expertId));
  const conflicts = new Map(chosen?.conflicts.map((item) => [item.expertId, item.conflicts]));
  const expertOptions = (experts.data ?? [])
    .filter((expert) => !chosen || expert.occupationNames.includes(chosen.occupationName))
    .map((expert) => {
      const label = `${expert.name}（${expert.employer}，${expert.regionName}）`;
      const conflict = conflicts.get(expert.id);
      if (assigned.has(expert.id)) return { value: expert.id, label: `${label} · 已分配`, disabled: true };
      if (conflict)
        return {
          value: expert.id,
          label: `${label} · 须回避（${[...new Set(conflict.map((item) => conflictTypeNames[item.type]))].join("、")}）`,
          disabled: true,
        };
      return { value: expert.id, label };
    });

  const add = async () => {
    if (!applicationId || !expertId) return;
    try {
      await apply.mutateAsync({ assignments: [{ applicationId, expertId }], source: "manual" });
      message.success("已分配");
      setExpertId(undefined);
    } catch {
      // Shown below.
    }
  };

  return (
    <Card title="手工分配">
      <Space wrap>
        <Select
          aria-label="申报"
          showSearch={{ optionFilterProp: "label" }}
          placeholder="选择申报"
          style={{ width: 380 }}
          loading={isPending}
          value={applicationId}
          onChange={(value) => {
            setApplicationId(value);
            setExpertId(undefined);
          }}
          options={candidates.map((candidate) => ({
            value: candidate.id,
            label: `${candidate.institutionName} · ${candidate.occupationName}`,
          }))}
        />
        <Select
          aria-label="专家"
          showSearch={{ optionFilterProp: "label" }}
          placeholder={chosen ? `评议职业含${chosen.occupationName}的专家` : "选择专家"}
          style={{ width: 380 }}
          loading={experts.isPending}
          value={expertId}
          onChange={setExpertId}
          options={expertOptions}
        />
        <Button
          icon={<PlusOutlined />}
          disabled={!applicationId || !expertId}
          loading={apply.isPending}
          onClick={add}
        >
          添加分配
        </Button>
      </Space>
      <FailureList error={apply.error} />
      <Collapse
        ghost
        style={{ marginTop: 8 }}
        items={[
          {
            key: "ids",
            label: `待评议申报及申报编号（${candidates.length}份，用于批量分配）`,
            children: (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {candidates.map((candidate) => (
                  <li key={candidate.id}>
                    {candidate.institutionName} · {candidate.occupationName}：
                    {candidate.applicationNumber ? (
                      <Typography.Text code copyable>
                        {candidate.applicationNumber}
                      </Typography.Text>
                    ) : (
                      <Typography.Text type="secondary">（无申报编号）</Typography.Text>
                    )}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </Card>
  );
}
