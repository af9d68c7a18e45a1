import { List, Space } from "antd";
import { Link } from "react-router";
import type { PublicBatchSummary } from "../../app/api-types";
import { DemoTag, PhaseTag } from "../../shared/batch-tags";
import { formatDate } from "../../shared/dates";

/** Published notices, newest first, as a plain list of links with their dates. */
export function BatchNoticeList({
  items,
  detailed = false,
}: {
  items: PublicBatchSummary[];
  detailed?: boolean;
}) {
  return (
    <List
      itemLayout="horizontal"
      dataSource={items}
      locale={{ emptyText: "暂无通知公告" }}
      renderItem={(batch) => (
        <List.Item
          key={batch.id}
          extra={
            <span className="lx-muted" style={{ whiteSpace: "nowrap" }}>
              {formatDate(batch.publishedOn)}
            </span>
          }
        >
          <List.Item.Meta
            title={
              <span style={{ fontWeight: "normal" }}>
                <DemoTag isDemo={batch.isDemo} />
                <Link to={`/notices/${batch.id}`} style={{ fontSize: 15 }}>
                  {batch.title}
                </Link>
              </span>
            }
            description={
              detailed ? (
                <Space size={16} wrap>
                  <span>发文机关：{batch.issuingBody}</span>
                  {batch.documentNumber && <span>文号：{batch.documentNumber}</span>}
                  <PhaseTag phase={batch.phase} />
                </Space>
              ) : undefined
            }
          />
        </List.Item>
      )}
    />
  );
}
