import { Button, Result } from "antd";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { AntdRoot } from "./antd-root";
import { NotFoundPage } from "./not-found-page";

/**
 * What a route shows when it fails. Loaded only then (router.tsx), since antd's Result carries its
 * 404/403/500 pictures, which no page that works needs.
 */
export function RouteError() {
  return (
    <AntdRoot>
      <RouteErrorResult />
    </AntdRoot>
  );
}

function RouteErrorResult() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle="很抱歉，页面加载时出现错误。请刷新页面重试；如果问题持续，请联系系统管理员。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
