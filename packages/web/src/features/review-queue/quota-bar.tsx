import { Card, Empty, Progress, Tooltip, Typography } from "antd";
import type { QuotaUse } from "./types";

/** 名额使用情况, always in view while deciding: one line per kind × occupation with its rule. */
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
            const full = quota.limit > 0 && quota.used >= quota.limit;
            return (
              <Tooltip key={`${quota.kind}-${quota.occupation}`} title={quota.rule}>
                <div data-testid="quota">
                  <Typography.Text strong>{quota.occupationName}</Typography.Text>{" "}
                  <Typography.Text type="secondary">{quota.kindName}</Typography.Text>{" "}
                  <Typography.Text type={full ? "danger" : undefined}>
                    已推荐 {quota.used} / {quota.limit}
                  </Typography.Text>
                  <Progress
                    aria-label={`${quota.occupationName} ${quota.kindName} 名额使用`}
                    percent={quota.limit > 0 ? Math.round((quota.used / quota.limit) * 100) : 100}
                    showInfo={false}
                    size="small"
                    status={quota.limit === 0 ? "exception" : full ? "success" : "active"}
                  />
                </div>
              </Tooltip>
            );
          })}
        </div>
      )}
    </Card>
  );
}
