import { LogoutOutlined } from "@ant-design/icons";
import type { Command } from "@linxuan/domain";
import { roleMayRun } from "@linxuan/domain";
import { App, Button, Layout, Menu, Result, Spin, Tag } from "antd";
import type { ReactNode } from "react";
import { Link, Navigate, Outlet, useLocation } from "react-router";
import { NotificationBell } from "../features/notifications/notification-bell";
import { ButtonLink } from "../shared/button-link";
import { errorText } from "../shared/form-errors";
import { PlainResult } from "../shared/plain-result";
import { PROGRAM_NAME } from "./public-layout";
import { getSessionEnd, useLogout, useSession } from "./session";
import { menuFor, selectedEntry } from "./workbench-menu";

export function FullPageSpin() {
  return (
    <div style={{ minHeight: "60vh", display: "flex", alignItems: "center", justifyContent: "center" }}>
      <Spin size="large" description="正在加载…" />
    </div>
  );
}

export function WorkbenchLayout() {
  const session = useSession();
  const location = useLocation();
  const logout = useLogout("/login");
  const { message } = App.useApp();

  if (session.isPending) return <FullPageSpin />;
  if (session.isError) {
    return <Result status="error" title="无法获取登录状态" subTitle={errorText(session.error)} />;
  }
  const user = session.data;
  const here = `${location.pathname}${location.search}`;
  if (!user) {
    const end = getSessionEnd();
    if (end === "logout") return <Navigate to="/login" replace />;
    const reason = end === "expired" ? "&reason=expired" : "";
    return <Navigate to={`/login?next=${encodeURIComponent(here)}${reason}`} replace />;
  }
  if (user.mustChangePassword && location.pathname !== "/account/password") {
    return <Navigate to={`/account/password?next=${encodeURIComponent(here)}`} replace />;
  }

  const entries = menuFor(user.role);
  const selected = selectedEntry(location.pathname, entries);
  const scope = user.regionName ?? user.industryScope ?? user.institution?.name ?? null;
  const jurisdiction = scope && scope !== user.displayName ? scope : null;

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <a className="lx-skip-link" href="#workbench-main">
        跳到正文
      </a>
      <Layout.Header className="lx-wb-header" style={{ background: "var(--lx-blue)" }}>
        <Link to="/workbench" className="lx-wb-brand">
          <span className="lx-emblem lx-emblem-small" aria-hidden="true">
            遴
          </span>
          <span>{PROGRAM_NAME} · 遴选工作台</span>
        </Link>
        <div className="lx-wb-user">
          <NotificationBell />
          <Link to="/">门户首页</Link>
          <span>
            {user.displayName}
            <Tag style={{ marginInline: 8 }}>{user.roleName}</Tag>
            {jurisdiction && <span>{jurisdiction}</span>}
          </span>
          <Button
            ghost
            size="small"
            icon={<LogoutOutlined />}
            loading={logout.isPending}
            onClick={() =>
              logout.mutate(undefined, {
                onSuccess: () => message.success("已安全退出"),
                onError: (error) => message.error(errorText(error)),
              })
            }
          >
            退出
          </Button>
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} theme="light" style={{ borderRight: "1px solid #e5e6eb" }}>
          <nav aria-label="工作台菜单">
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected.path] : []}
              style={{ borderInlineEnd: 0, paddingTop: 8 }}
              items={entries.map((entry) => ({
                key: entry.path,
                icon: entry.icon,
                label: <Link to={entry.path}>{entry.label}</Link>,
              }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content id="workbench-main" className="lx-wb-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Shows its page only to roles that may run `command`; others get a plain refusal. */
export function RequireCommand({ command, children }: { command: Command; children: ReactNode }) {
  const session = useSession();
  if (!session.data) return null;
  if (!roleMayRun(session.data.role, command)) {
    return (
      <PlainResult
        kind="403"
        title="无权访问"
        subTitle="您的账号角色不能使用此功能。如需开通，请联系系统管理员。"
        extra={
          <ButtonLink type="primary" to="/workbench">
            返回工作台
          </ButtonLink>
        }
      />
    );
  }
  return <>{children}</>;
}
