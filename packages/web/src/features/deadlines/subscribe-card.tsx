import { CalendarOutlined, CopyOutlined } from "@ant-design/icons";
import { App, Button, Col, Input, Row, Space, Typography } from "antd";
import { icsPath } from "./queries";

/** 订阅日历: the .ics feed as a link and a copyable address, with how to add it. */
export function SubscribeCard() {
  const { message } = App.useApp();
  const address = `${window.location.origin}${icsPath}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(address);
      message.success("订阅地址已复制");
    } catch {
      message.info("请选中地址框中的文字后手动复制");
    }
  };
  return (
    <section className="lx-panel lx-dl-subscribe" aria-labelledby="subscribe-heading">
      <Row gutter={[32, 16]}>
        <Col xs={24} lg={13}>
          <h2 id="subscribe-heading" className="lx-dl-side-title">
            订阅日历
          </h2>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
            将各批次关键日期加入您常用的日历。通过订阅地址添加的日历会随批次日期调整自动更新。
          </Typography.Paragraph>
          <Space orientation="vertical" size={12} style={{ width: "100%", maxWidth: 520 }}>
            <Space.Compact style={{ width: "100%" }}>
              <Input
                readOnly
                value={address}
                aria-label="日历订阅地址"
                onFocus={(event) => event.target.select()}
              />
              <Button icon={<CopyOutlined />} onClick={() => void copy()}>
                复制地址
              </Button>
            </Space.Compact>
            <Button type="primary" icon={<CalendarOutlined />} href={icsPath} download="遴选平台关键日期.ics">
              订阅日历（.ics）
            </Button>
          </Space>
        </Col>
        <Col xs={24} lg={11}>
          <ol className="lx-dl-steps">
            <li>
              <strong>Outlook（电脑）</strong>：日历 → 添加日历 → 从 Internet 订阅，粘贴订阅地址。
            </li>
            <li>
              <strong>苹果手机、平板</strong>：设置 → 日历 → 账户 → 添加账户 → 其他 →
              添加已订阅的日历，粘贴订阅地址。
            </li>
            <li>
              <strong>其他日历应用</strong>
              ：选择“通过网址订阅”并粘贴订阅地址；也可点击“订阅日历（.ics）”下载文件后导入（导入的日期不会随批次调整自动更新）。
            </li>
          </ol>
        </Col>
      </Row>
    </section>
  );
}
