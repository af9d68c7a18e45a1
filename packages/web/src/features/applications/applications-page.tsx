import { PlusOutlined } from "@ant-design/icons";
import { Card, Typography } from "antd";
import { ButtonLink } from "../../shared/button-link";
import { ApplicationList } from "./application-list";

/** /workbench/applications */
export function ApplicationsPage() {
  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>我的申报</h1>
          <Typography.Text type="secondary">
            每个职业单独一份申报（职业仅填一项）。草稿自动保存，截止前可随时继续填写；提交后的每个版本都保留可查。
          </Typography.Text>
        </div>
        <ButtonLink type="primary" icon={<PlusOutlined />} to="/workbench/applications/new">
          新建申报
        </ButtonLink>
      </div>
      <Card styles={{ body: { padding: 0 } }}>
        <ApplicationList />
      </Card>
    </>
  );
}
