import { Alert, App, Button, Card, Descriptions, InputNumber, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { formatInstant } from "../../shared/dates";
import { FailureList } from "./failure-list";
import { useDraws, useRandomDraw } from "./queries";
import type { RandomDraw } from "./types";

/**
 * 随机抽取: besides the balanced assignment, the office may draw the experts at random from
 * each application's eligible pool (回避 honoured). The draw is previewed with its seed, then
 * saved with the same seed — the seed is recorded, so the draw can be made again and checked.
 */
export function RandomDrawCard({ batchId }: { batchId: string }) {
  const draw = useRandomDraw(batchId);
  const draws = useDraws(batchId);
  const { message } = App.useApp();
  const [seed, setSeed] = useState<number | null>(null);
  const [shown, setShown] = useState<RandomDraw | null>(null);

  const run = async (apply: boolean, withSeed: number | null) => {
    try {
      const result = await draw.mutateAsync({ apply, ...(withSeed === null ? {} : { seed: withSeed }) });
      setShown(result);
      if (apply) {
        const count = result.draws.reduce((sum, item) => sum + item.experts.length, 0);
        message.success(`已随机抽取 ${count} 人次（随机种子 ${result.seed}）`);
      }
    } catch {
      // Shown under the buttons.
    }
  };

  const short = shown?.draws.filter((item) => item.missing > 0) ?? [];
  return (
    <Card title="随机抽取">
      <Typography.Paragraph type="secondary">
        从每份申报可选的专家中随机抽取所缺的专家（须回避的、已达评议上限的不抽取）。每次抽取记录随机种子，
        用同一种子可复现同一结果。
      </Typography.Paragraph>
      <Space wrap>
        <span>随机种子</span>
        <InputNumber
          aria-label="随机种子"
          min={0}
          max={4294967295}
          precision={0}
          placeholder="留空则随机生成"
          style={{ width: 200 }}
          value={seed}
          onChange={(value) => setSeed(value === null ? null : Number(value))}
        />
        <Button loading={draw.isPending} onClick={() => run(false, seed)}>
          抽取预览
        </Button>
        {shown && !shown.applied && (
          <Button type="primary" loading={draw.isPending} onClick={() => run(true, shown.seed)}>
            确认抽取
          </Button>
        )}
      </Space>
      <FailureList error={draw.error} />
      {shown && (
        <div style={{ marginTop: 12 }}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            style={{ marginBottom: 12 }}
            items={[
              { key: "seed", label: "随机种子", children: <strong>{shown.seed}</strong> },
              {
                key: "n",
                label: shown.applied ? "已抽取" : "拟抽取",
                children: `${shown.draws.reduce((sum, item) => sum + item.experts.length, 0)} 人次`,
              },
              { key: "per", label: "每份申报专家数", children: `${shown.perApplication} 名` },
            ]}
          />
          {short.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`${short.length} 份申报专家不足`}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {short.map((item) => (
                    <li key={item.applicationId}>
                      {item.institutionName}：缺{item.missing}名。{item.reason}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Table
            rowKey="applicationId"
            size="small"
            pagination={false}
            dataSource={shown.draws}
            locale={{ emptyText: "各申报已有足够专家，无须抽取" }}
            columns={[
              { title: "申报单位", dataIndex: "institutionName" },
              { title: "职业", dataIndex: "occupationName", width: 200 },
              {
                title: "抽中的专家（按抽取顺序）",
                key: "experts",
                render: (_, item) => (
                  <Space size={4} wrap>
                    {item.experts.map((expert) => (
                      <Tag key={expert.expertId}>
                        {expert.name}（{expert.employer}）
                      </Tag>
                    ))}
                    {item.missing > 0 && <Tag color="red">缺{item.missing}名</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        </div>
      )}
      {(draws.data?.length ?? 0) > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>已保存的抽取</Typography.Text>
          <ul style={{ margin: "4px 0 0", paddingInlineStart: 18 }}>
            {draws.data?.map((item) => (
              <li key={item.id}>
                {formatInstant(item.drawnAt, true)}：随机种子 {item.seed}，抽取 {item.assigned} 人次
                {item.missing > 0 ? `，仍缺 ${item.missing} 名` : ""}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
