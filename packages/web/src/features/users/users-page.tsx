import { PlusOutlined } from "@ant-design/icons";
import type { StaffUser } from "@linxuan/domain";
import { type Role, roleCodes, roleNames } from "@linxuan/domain";
import { App, Button, Card, Input, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useSession } from "../../app/session";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { type UserFilters, useUnlockUser, useUpdateUser, useUsers } from "./queries";
import { ResetPasswordModal } from "./reset-password-modal";
import { UserDrawer } from "./user-drawer";

/** Locked from everywhere, or some addresses kept waiting: 解锁 lifts both. */
const isRestricted = (user: StaffUser) => user.lockedAt !== null || user.waitingAddresses > 0;

export function UsersPage() {
  const [filters, setFilters] = useState<UserFilters>({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState("");
  const users = useUsers(filters);
  const unlock = useUnlockUser();
  const update = useUpdateUser();
  const { data: me } = useSession();
  const { message, modal } = App.useApp();
  const [drawer, setDrawer] = useState<{ open: boolean; user: StaffUser | null }>({
    open: false,
    user: null,
  });
  const [resetting, setResetting] = useState<StaffUser | null>(null);

  const done = (text: string) => ({
    onSuccess: () => message.success(text),
    onError: (error: unknown) => message.error(errorText(error)),
  });

  const toggleStatus = (user: StaffUser) => {
    const disabling = user.status === "active";
    modal.confirm({
      title: disabling ? `停用账号“${user.displayName}”？` : `启用账号“${user.displayName}”？`,
      content: disabling
        ? "停用后该账号不能登录，已登录的会话将失效。数据和审计记录保留。"
        : "启用后该账号可以重新登录。",
      okText: disabling ? "停用" : "启用",
      okButtonProps: { danger: disabling },
      cancelText: "取消",
      onOk: () =>
        update
          .mutateAsync({ id: user.id, status: disabling ? "disabled" : "active" })
          .then(() => message.success(disabling ? "账号已停用" : "账号已启用"))
          .catch((error: unknown) => message.error(errorText(error))),
    });
  };

  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>账号管理</h1>
          <Typography.Text type="secondary">
            工作人员账号由系统管理员创建；申报单位通过门户自行注册。
          </Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, user: null })}>
          新建账号
        </Button>
      </div>
      <Card styles={{ body: { paddingBottom: 0 } }}>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<Role | undefined>
            aria-label="按角色筛选"
            allowClear
            placeholder="全部角色"
            style={{ width: 220 }}
            value={filters.role}
            options={roleCodes.map((code) => ({ value: code, label: roleNames[code] }))}
            onChange={(role) => setFilters({ ...filters, role, page: 1 })}
          />
          <Input.Search
            aria-label="搜索账号"
            placeholder="用户名、姓名或单位名称"
            allowClear
            style={{ width: 300 }}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={(q) => setFilters({ ...filters, q: q.trim() || undefined, page: 1 })}
            enterButton="查询"
          />
        </Space>
        <Table<StaffUser>
          rowKey="id"
          size="middle"
          tableLayout="fixed"
          loading={users.isFetching}
          dataSource={users.data?.items ?? []}
          locale={{ emptyText: users.isError ? errorText(users.error) : "没有符合条件的账号" }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: users.data?.total ?? 0,
            showTotal: (total) => `共 ${total} 个账号`,
            showSizeChanger: true,
            onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }),
          }}
          columns={[
            {
              title: "用户名",
              dataIndex: "username",
              width: 150,
              render: (value: string) => <code>{value}</code>,
            },
            { title: "姓名/单位", dataIndex: "displayName" },
            {
              title: "角色与辖区",
              key: "role",
              width: 180,
              render: (_, user) => {
                const scope = user.regionName ?? user.industryScope ?? user.institution?.creditCode ?? null;
                return (
                  <Space direction="vertical" size={0}>
                    <span>{user.roleName}</span>
                    {scope && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {scope}
                      </Typography.Text>
                    )}
                  </Space>
                );
              },
            },
            {
              title: "状态",
              width: 110,
              key: "status",
              render: (_, user) => (
                <Space size={4} direction="vertical">
                  {user.status === "active" ? (
                    <Tag color="green">正常</Tag>
                  ) : (
                    <Tag color="default">已停用</Tag>
                  )}
                  {user.lockedAt !== null && (
                    <Tooltip
                      title={`${formatInstant(user.lockedAt)} 因登录失败次数过多锁定，须解锁后才能登录`}
                    >
                      <Tag color="red">已锁定</Tag>
                    </Tooltip>
                  )}
                  {user.lockedAt === null && user.waitingAddresses > 0 && (
                    <Tooltip title="这些地址多次输错密码，正在等待；账号本人从其他地址仍可登录">
                      <Tag color="orange">{user.waitingAddresses}个地址暂停登录</Tag>
                    </Tooltip>
                  )}
                  {user.mustChangePassword && <Tag color="gold">待修改密码</Tag>}
                </Space>
              ),
            },
            {
              title: "联系电话",
              dataIndex: "phone",
              width: 130,
              render: (value: string | null) => value ?? "—",
            },
            {
              title: "最近登录",
              width: 150,
              dataIndex: "lastLoginAt",
              render: (value: string | null) => (
                <span style={{ whiteSpace: "nowrap" }}>{formatInstant(value)}</span>
              ),
            },
            {
              title: "操作",
              key: "actions",
              width: 220,
              render: (_, user) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setDrawer({ open: true, user })}>
                    编辑
                  </Button>
                  {isRestricted(user) && (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => unlock.mutate(user.id, done("账号已解锁"))}
                    >
                      解锁
                    </Button>
                  )}
                  <Button type="link" size="small" onClick={() => setResetting(user)}>
                    重置密码
                  </Button>
                  {user.id !== me?.id && (
                    <Button
                      type="link"
                      size="small"
                      danger={user.status === "active"}
                      onClick={() => toggleStatus(user)}
                    >
                      {user.status === "active" ? "停用" : "启用"}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <UserDrawer
        open={drawer.open}
        user={drawer.user}
        onClose={() => setDrawer({ open: false, user: null })}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
