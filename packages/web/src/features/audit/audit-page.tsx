import { DownloadOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import {
  type AuditHeadFile,
  type AuditVerification,
  auditEventName,
  auditEventNames,
  auditTargetNames,
  commands,
  type Role,
  roleCodes,
  roleNames,
} from "@linxuan/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import type { AuditEvent, Page } from "../../app/api-types";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { api, apiUrl } from "../../shared/http";
import { HeadFileCheck, VerificationResult } from "./verification";

/** The filter's choices: every event by its Chinese name, searchable by name. */
const eventOptions = [...new Set([...Object.keys(auditEventNames), ...Object.keys(commands)])]
  .filter((code) => code !== "public" && code !== "authenticated")
  .map((code) => ({ value: code, label: auditEventName(code) }))
  .sort((a, b) => a.label.localeCompare(b.label, "zh-CN"));

function roleText(role: string): string {
  return (roleCodes as readonly string[]).includes(role) ? roleNames[role as Role] : role;
}

type AuditFilters = { page: number; pageSize: number; command?: string; actor?: string; requestId?: string };

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>({ page: 1, pageSize: 20 });
  const events = useQuery({
    queryKey: ["audit", filters],
    queryFn: () => api.get<Page<AuditEvent>>("/audit", filters),
    placeholderData: keepPreviousData,
  });
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: (head: AuditHeadFile | null) =>
      api.post<AuditVerification>("/audit/verify", head ? { head } : {}),
    // A verification is an audit event itself (and so was any export before it): read the list again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["audit"] }),
  });

  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>审计日志</h1>
          <Typography.Text type="secondary">
            每一次操作、登录、导出和查看敏感信息都记入只可追加的审计日志，记录之间以哈希相连。
          </Typography.Text>
        </div>
        <Space>
          <Button icon={<DownloadOutlined />} href={apiUrl("/audit/head")} download>
            导出审计链头
          </Button>
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate(null)}
          >
            校验审计链
          </Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary">
        导出的审计链头文件记录当前最后一条事件的序号和哈希，并由本平台的数据密钥签名。请将其保存在平台之外（如离线介质）；日后核对即可发现整张审计表被改写。系统每天凌晨3时自动校验审计链，发现问题时通知全部管理员。
      </Typography.Paragraph>
      <div aria-live="polite">
        {verify.data && (
          <div style={{ marginBottom: 16 }}>
            <VerificationResult result={verify.data} />
          </div>
        )}
        {verify.isError && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(verify.error)} />
        )}
      </div>
      <HeadFileCheck pending={verify.isPending} onCheck={(head) => verify.mutate(head)} />
      <Card styles={{ body: { paddingBottom: 0 } }}>
        <Form
          layout="inline"
          style={{ marginBottom: 16 }}
          onFinish={(values: { command?: string; actor?: string; requestId?: string }) =>
            setFilters({
              ...filters,
              page: 1,
              command: values.command || undefined,
              actor: values.actor?.trim() || undefined,
              requestId: values.requestId?.trim() || undefined,
            })
          }
        >
          <Form.Item label="操作" name="command">
            <Select
              placeholder="全部操作"
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              options={eventOptions}
              style={{ width: 200 }}
            />
          </Form.Item>
          <Form.Item label="操作人" name="actor">
            <Input placeholder="用户名" allowClear />
          </Form.Item>
          <Form.Item label="请求编号" name="requestId">
            <Input placeholder="X-Request-Id" allowClear />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
          </Space>
        </Form>
        <Table<AuditEvent>
          rowKey="id"
          size="small"
          loading={events.isFetching}
          dataSource={events.data?.items ?? []}
          locale={{ emptyText: events.isError ? errorText(events.error) : "没有符合条件的记录" }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: events.data?.total ?? 0,
            showTotal: (total) => `共 ${total} 条`,
            onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }),
          }}
          columns={[
            { title: "序号", dataIndex: "seq", width: 80 },
            {
              title: "时间",
              dataIndex: "at",
              width: 180,
              render: (at: string) => formatInstant(at, true),
            },
            {
              title: "操作人",
              key: "actor",
              render: (_, event) => (
                <Space direction="vertical" size={0}>
                  <span>{event.actorUsername ?? "匿名"}</span>
                  {event.actorRole && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {roleText(event.actorRole)}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: "操作",
              dataIndex: "command",
              width: 150,
              render: (command: string) => auditEventName(command),
            },
            {
              title: "对象",
              key: "target",
              width: 150,
              render: (_, event) =>
                event.targetType ? (
                  <span title={event.targetId ? `对象编号：${event.targetId}` : undefined}>
                    {auditTargetNames[event.targetType] ?? "其他"}
                  </span>
                ) : (
                  "—"
                ),
            },
            { title: "摘要", dataIndex: "summary" },
            {
              title: "IP / 请求编号",
              key: "source",
              width: 150,
              render: (_, event) => (
                <Space direction="vertical" size={0}>
                  <span>{event.ip ?? "—"}</span>
                  {event.requestId && (
                    <Typography.Text
                      type="secondary"
                      style={{ fontSize: 12 }}
                      title={event.requestId}
                      copyable={{ text: event.requestId, tooltips: ["复制请求编号", "已复制"] }}
                    >
                      {event.requestId.length > 13 ? `${event.requestId.slice(0, 12)}…` : event.requestId}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
