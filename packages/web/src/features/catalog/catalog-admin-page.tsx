import { Alert, App, Button, Card, Space, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useSession } from "../../app/session";
import { errorText } from "../../shared/form-errors";
import { ReasonModal } from "../../shared/reason-modal";
import { RemindersCard } from "../supervision/reminders-card";
import { CatalogFiltersBar } from "./catalog-filters";
import { CatalogTable } from "./catalog-table";
import { type AdjustAction, useAdjustEntry, useCatalog } from "./queries";
import type { CatalogEntry, CatalogFilters } from "./types";

const actions: Record<
  AdjustAction,
  { text: string; title: string; danger?: boolean; done: string; note: string }
> = {
  suspend: {
    text: "暂停",
    title: "暂停目录资格",
    done: "已暂停",
    note: "暂停期间，该机构在目录查询中显示为“暂停”，可随时恢复。",
  },
  restore: { text: "恢复", title: "恢复目录资格", done: "已恢复", note: "恢复后该机构按有效期显示状态。" },
  remove: {
    text: "移出",
    title: "移出目录",
    danger: true,
    done: "已移出目录",
    note: "移出后不能恢复或再调整；理由将记入该机构公开的变更记录。",
  },
};

function available(entry: CatalogEntry): AdjustAction[] {
  if (entry.status === "removed") return [];
  return entry.status === "suspended" ? ["restore", "remove"] : ["suspend", "remove"];
}

/** /workbench/catalog-admin: the catalog with dynamic adjustment, and the reminders. */
export function CatalogAdminPage() {
  const { message } = App.useApp();
  const { data: user } = useSession();
  const [params] = useSearchParams();
  // A provincial office starts with its own region; it may clear the filter to see the rest.
  const [filters, setFilters] = useState<CatalogFilters>(() => ({
    region: user?.role === "provincialOffice" ? (user.regionCode ?? undefined) : undefined,
    status: params.get("status") ?? undefined,
  }));
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const catalog = useCatalog({ ...filters, ...paging });
  const adjust = useAdjustEntry();
  const [acting, setActing] = useState<{ entry: CatalogEntry; action: AdjustAction } | null>(null);
  const config = acting ? actions[acting.action] : null;

  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>目录管理</h1>
          <Typography.Text type="secondary">
            对目录中的机构进行动态调整（暂停、恢复、移出），每次调整须说明理由，并记入该机构公开的变更记录。
          </Typography.Text>
        </div>
      </div>
      <RemindersCard />
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>机构目录</h2>}>
        <CatalogFiltersBar
          idPrefix="admin-catalog"
          value={filters}
          onChange={(update) => {
            setFilters(update);
            setPaging((prev) => ({ ...prev, page: 1 }));
          }}
        />
        {catalog.isError && <Alert type="error" showIcon title={errorText(catalog.error)} />}
        <CatalogTable
          items={catalog.data?.items ?? []}
          total={catalog.data?.total ?? 0}
          page={paging.page}
          pageSize={paging.pageSize}
          loading={catalog.isFetching}
          onPage={(page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize })}
          actions={{
            title: "动态调整",
            key: "actions",
            width: 120,
            render: (_, entry) => (
              <Space size={0}>
                {available(entry).map((action) => (
                  <Button
                    key={action}
                    type="link"
                    size="small"
                    danger={actions[action].danger}
                    onClick={() => setActing({ entry, action })}
                  >
                    {actions[action].text}
                  </Button>
                ))}
              </Space>
            ),
          }}
        />
      </Card>
      <ReasonModal
        open={acting !== null}
        title={acting && config ? `${config.title}：${acting.entry.institutionName}` : ""}
        label="调整理由"
        okText={config ? `确认${config.text}` : "确认"}
        danger={config?.danger}
        extra={
          config ? (
            <Alert
              type={config.danger ? "warning" : "info"}
              showIcon
              style={{ marginBottom: 12 }}
              title={config.note}
            />
          ) : null
        }
        onClose={() => setActing(null)}
        onSubmit={async ({ reason }) => {
          if (!acting || !config) return;
          await adjust.mutateAsync({ id: acting.entry.id, action: acting.action, reason });
          message.success(`${acting.entry.institutionName}：${config.done}`);
        }}
      />
    </>
  );
}
