import { useLocation } from "react-router";
import { ButtonLink } from "../shared/button-link";
import { PlainResult } from "../shared/plain-result";

export function NotFoundPage({ home = "/" }: { home?: string }) {
  const location = useLocation();
  return (
    <PlainResult
      kind="404"
      title="页面不存在"
      subTitle={`您访问的地址“${location.pathname}”不存在或已被移除，请检查网址是否正确。`}
      extra={
        <ButtonLink type="primary" to={home}>
          {home === "/" ? "返回首页" : "返回工作台"}
        </ButtonLink>
      }
    />
  );
}
