import { Card, Empty, Progress, Typography } from "antd";
import type { QuotaUse } from "./types";

function usage(quota: QuotaUse): string {
  if (quota.status === "pending") return `已推荐 ${quota.used} · 名额待定`;
  if (quota.limit === null) return `已推荐 ${quota.used} · 不限名额`;
  return `已推荐 ${quota.used} / ${quota.limit}`;
}

/**
 * 名额使用情况, always in view while deciding: one line per kind × occupation × place counted
 * (粤港澳大湾区 apart from the rest of 广东), with the number and the basis it rests on.
 */
export function QuotaBar({ quotas }: { quotas: readonly QuotaUse[] }) {
  return (
    <Card size="small" title="名额使用情况" style={{ marginBottom: 16 }} className="lx-quota-bar">
      {quotas.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本单位在该批次还没有收到申报" />
      ) : (
        <div
          style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(300px, 1fr))", gap: 12 }}
        >
          {quotas.map((quota) => {
            const limit = quota.limit ?? 0;
            const full = limit > 0 && quota.used >= limit;
            return (
              <div key={`${quota.kind}-${quota.occupation}-${quota.areaName}`} data-testid="quota">
                <Typography.Text strong>{quota.occupationName}</Typography.Text>{" "}
                <Typography.Text type="secondary">
                  {quota.kindName} · {quota.areaName}
                </Typography.Text>{" "}
                <Typography.Text type={full || quota.status === "pending" ? "danger" : undefined}>
                  {usage(quota)}
                </Typography.Text>
                {quota.status !== "open" && (
                  <Progress
                    aria-label={`${quota.occupationName} ${quota.kindName} 名额使用`}
                    percent={limit > 0 ? Math.round((quota.used / limit) * 100) : 100}
                    showInfo={false}
                    size="small"
                    status={limit === 0 ? "exception" : full ? "success" : "active"}
                  />
                )}
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                  {quota.status === "pending" ? quota.rule : `依据：${quota.basis}`}
                </Typography.Paragraph>
              </div>
            );
          })}
        </div>
      )}
    </Card>
  );
}
