import { CopyOutlined, EyeOutlined, SendOutlined } from "@ant-design/icons";
import { canManageBatch, officeSetAreas, roleMayRun } from "@linxuan/domain";
import { Alert, App, Breadcrumb, Button, Skeleton, Space, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { StaffBatch } from "../../app/api-types";
import { actorOf, useSession } from "../../app/session";
import { DemoTag } from "../../shared/batch-tags";
import { ButtonLink } from "../../shared/button-link";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { isApiError } from "../../shared/http";
import { PlainResult } from "../../shared/plain-result";
import { PrintButton } from "../../shared/print-button";
import { useBatchActions } from "./batch-actions";
import { BatchForm } from "./batch-form";
import { BatchView } from "./batch-view";
import { StatusTag } from "./batches-page";
import { useSaveBatch, useStaffBatch } from "./queries";
import { QuotaSettingsPanel } from "./quota-settings";

function ConflictAlert({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title="保存失败：该批次已被他人修改"
      description="您打开本页之后，其他人保存了新的版本。为避免覆盖他人的修改，本次修改没有保存。请重新加载最新版本后再修改（本页尚未保存的修改将被放弃）。"
      action={
        <Button type="primary" onClick={onReload} loading={reloading}>
          重新加载最新版本
        </Button>
      }
    />
  );
}

function EditTab({
  batch,
  onReload,
  reloading,
}: {
  batch: StaffBatch;
  onReload: () => Promise<unknown>;
  reloading: boolean;
}) {
  const save = useSaveBatch(batch.id);
  const { message } = App.useApp();
  const [conflict, setConflict] = useState(false);
  return (
    <BatchForm
      key={batch.version}
      initial={batch.definition}
      banner={
        conflict && (
          <ConflictAlert
            reloading={reloading}
            onReload={() => void onReload().then(() => setConflict(false))}
          />
        )
      }
      onSubmit={async (definition) => {
        const saved = await save.mutateAsync({ definition, version: batch.version });
        setConflict(false);
        message.success(`已保存（第${saved.version}版）`);
        return undefined;
      }}
      onError={(error) => {
        if (isApiError(error, "VERSION_CONFLICT")) {
          setConflict(true);
          window.scrollTo({ top: 0, behavior: "smooth" });
        } else {
          message.error(errorText(error));
          if (isApiError(error, "BATCH_NOT_EDITABLE")) void onReload();
        }
      }}
    />
  );
}

export function BatchPage() {
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const query = useStaffBatch(id);
  const { data: user } = useSession();
  const { cloneBatch, publishBatch, cloning } = useBatchActions();

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <PlainResult
          kind="404"
          title="批次不存在"
          extra={<ButtonLink to="/workbench/batches">返回批次列表</ButtonLink>}
        />
      );
    }
    return <Alert type="error" showIcon title={errorText(query.error)} />;
  }
  const batch = query.data;
  const { definition } = batch;
  const role = user?.role ?? null;
  const manages = user ? canManageBatch(actorOf(user), definition.scope) : false;
  const editable = batch.status === "draft" && manages && roleMayRun(role, "batch.edit");
  // Quotas the notice leaves open are entered on a published batch too, while the stages run.
  const setsQuotas = manages && roleMayRun(role, "quota.set") && officeSetAreas(definition).length > 0;
  const requested = params.get("tab");
  const tab =
    editable && requested === "edit" ? "edit" : setsQuotas && requested === "quotas" ? "quotas" : "view";

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/workbench/batches">遴选批次</Link> }, { title: definition.shortTitle }]}
      />
      <div className="lx-page-heading">
        <div>
          <h1>{definition.shortTitle}</h1>
          <Space size={4} wrap style={{ marginTop: 8 }}>
            <StatusTag status={batch.status} />
            <DemoTag isDemo={batch.isDemo} />
            {batch.builtIn && <Tag>内置</Tag>}
            <Typography.Text type="secondary">
              第{batch.version}版 · 最近修改 {formatInstant(batch.updatedAt)}
            </Typography.Text>
          </Space>
        </div>
        <Space wrap>
          <PrintButton />
          {batch.status === "published" && (
            <ButtonLink icon={<EyeOutlined />} to={`/notices/${batch.id}`}>
              查看公开页面
            </ButtonLink>
          )}
          {roleMayRun(role, "batch.create") && (
            <Button icon={<CopyOutlined />} loading={cloning} onClick={() => cloneBatch(batch.id)}>
              复制为新批次
            </Button>
          )}
          {batch.status === "draft" && manages && roleMayRun(role, "batch.publish") && (
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={() => publishBatch(batch.id, definition.title)}
            >
              发布
            </Button>
          )}
        </Space>
      </div>
      {batch.status !== "draft" && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            batch.builtIn
              ? "内置批次为只读"
              : `${batch.status === "published" ? "已发布" : "已归档"}的批次不能修改`
          }
          description="如需据此组织新一批遴选或调整内容，请使用“复制为新批次”，在草稿中修改后再发布。"
        />
      )}
      {batch.status === "draft" && !editable && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="该草稿不属于您的管理范围，只能查看" />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === "view" ? {} : { tab: key }, { replace: true })}
        items={[
          { key: "view", label: "批次详情", children: <BatchView batch={batch} /> },
          ...(editable
            ? [
                {
                  key: "edit",
                  label: "编辑",
                  children: (
                    <EditTab batch={batch} onReload={() => query.refetch()} reloading={query.isFetching} />
                  ),
                },
              ]
            : []),
          ...(setsQuotas
            ? [{ key: "quotas", label: "名额设定", children: <QuotaSettingsPanel batchId={batch.id} /> }]
            : []),
        ]}
      />
    </>
  );
}
