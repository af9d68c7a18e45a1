import { useState } from "react";
import { Link, NavLink, Outlet } from "react-router";
import { inShanghai } from "../shared/dates";
import { errorText } from "../shared/form-errors";
import { useToast } from "../shared/lite/toast";
import { useLogout, useSession } from "./session";

export const PROGRAM_NAME = "数字技术工程师培育项目";
export const PLATFORM_NAME = "培训机构和评价机构遴选平台";

function UserNav() {
  const session = useSession();
  const logout = useLogout("/");
  const message = useToast();
  const user = session.data;
  if (session.isPending) return <div className="lx-nav-user" />;
  if (!user) {
    return (
      <div className="lx-nav-user">
        <NavLink to="/login">登录</NavLink>
        <NavLink to="/register">注册</NavLink>
      </div>
    );
  }
  return (
    <div className="lx-nav-user">
      <span>
        {user.displayName}（{user.roleName}）
      </span>
      <Link to="/workbench">进入工作台</Link>
      <button
        type="button"
        className="lx-nav-button"
        onClick={() =>
          logout.mutate(undefined, {
            onSuccess: () => message.success("已安全退出"),
            onError: (error) => message.error(errorText(error)),
          })
        }
      >
        退出
      </button>
    </div>
  );
}

export function PublicLayout() {
  const today = inShanghai();
  // On a phone the section links fold behind a 菜单 button (CSS shows the button below 768 px).
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <>
      <a className="lx-skip-link" href="#main">
        跳到正文
      </a>
      <div className="lx-topbar">
        <div className="lx-container">
          <span>
            欢迎访问{PROGRAM_NAME}
            {PLATFORM_NAME}
          </span>
          <span>今天是 {today.format("YYYY年M月D日 dddd")}（北京时间）</span>
        </div>
      </div>
      <header className="lx-masthead">
        <div className="lx-container">
          <Link to="/" className="lx-brand" aria-label={`遴选 · ${PROGRAM_NAME}${PLATFORM_NAME}首页`}>
            <span className="lx-emblem" aria-hidden="true">
              遴
            </span>
            <span>
              <div className="lx-brand-title">{PROGRAM_NAME}</div>
              <div className="lx-brand-subtitle">{PLATFORM_NAME}</div>
            </span>
          </Link>
        </div>
      </header>
      <nav className={menuOpen ? "lx-nav lx-nav-open" : "lx-nav"} aria-label="主导航">
        <div className="lx-container">
          <button
            type="button"
            className="lx-nav-button lx-nav-toggle"
            aria-expanded={menuOpen}
            aria-controls="lx-nav-links"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="lx-nav-toggle-icon" aria-hidden="true" />
            {menuOpen ? "收起菜单" : "菜单"}
          </button>
          {/* A chosen section closes the folded menu. */}
          {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: the links inside take the keyboard; this only closes the menu after one is followed */}
          <div className="lx-nav-links" id="lx-nav-links" onClick={() => setMenuOpen(false)}>
            <NavLink to="/" end>
              首页
            </NavLink>
            <NavLink to="/notices">通知公告</NavLink>
            <NavLink to="/public-notices">公示公告</NavLink>
            <NavLink to="/catalog">目录查询</NavLink>
            <NavLink to="/deadlines">关键日期</NavLink>
            <NavLink to="/statistics">统计数据</NavLink>
          </div>
          <UserNav />
        </div>
      </nav>
      <main id="main" className="lx-main">
        <div className="lx-container">
          <Outlet />
        </div>
      </main>
      <footer className="lx-footer">
        <div className="lx-container">
          <div>主办单位：专业技术人才知识更新工程指导协调小组办公室</div>
          <div>技术支持：遴选平台项目组　　本平台时间均为北京时间</div>
          <div>建议使用最新版 Chrome、Edge、Firefox 或国产浏览器极速模式访问</div>
        </div>
      </footer>
    </>
  );
}
