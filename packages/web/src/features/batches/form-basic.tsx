import { PlusOutlined } from "@ant-design/icons";
import { Button, Col, Collapse, DatePicker, Form, Input, Row, Select } from "antd";
import { useSession } from "../../app/session";
import { BatchNoticeText } from "../../shared/batch-notice-text";
import { RegionSelect, RemoveButton, SectionCard } from "./form-fields";

const required = (message: string) => [{ required: true, message }];

export function BasicSection() {
  const { data: user } = useSession();
  // A provincial office may only run its own region's batches (canManageBatch); do not offer more.
  const scopeLocked = user?.role === "provincialOffice";
  return (
    <SectionCard id="basic" title="基本信息">
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item label="通知标题" name="title" rules={required("请填写通知标题")}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="批次简称"
            name="shortTitle"
            rules={required("请填写批次简称")}
            extra="用于列表和导航，如“上海第四批培训机构遴选”"
          >
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="批次代码"
            name="code"
            rules={required("请填写批次代码")}
            extra="小写字母、数字和连字符，全平台唯一，如 shanghai-2027-4"
          >
            <Input maxLength={64} style={{ fontFamily: "monospace" }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="文号" name="documentNumber" extra="无文号的通知可不填">
            <Input maxLength={60} placeholder="如 沪人社专〔2026〕55号" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="发布日期" name="publishedOn" rules={required("请选择发布日期")}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="发文机关" name="issuingBody" rules={required("请填写发文机关")}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="代章说明" name="sealNote" extra="如“人力资源社会保障部办公厅代章”，没有可不填">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="遴选范围"
            name={["scope", "level"]}
            rules={required("请选择遴选范围")}
            extra={scopeLocked ? "省级人社部门只能组织本地区的批次" : undefined}
          >
            <Select
              disabled={scopeLocked}
              options={[
                { value: "national", label: "全国（由省级人社部门和行业部门推荐）" },
                { value: "region", label: "地方（一个省级地区自行组织）" },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item noStyle dependencies={[["scope", "level"]]}>
            {({ getFieldValue }) =>
              getFieldValue(["scope", "level"]) === "region" && (
                <Form.Item label="组织地区" name={["scope", "regionCode"]} rules={required("请选择组织地区")}>
                  <RegionSelect disabled={scopeLocked} />
                </Form.Item>
              )
            }
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="主送单位" name="addressees">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
    </SectionCard>
  );
}

export function BatchNoticeSection() {
  return (
    <SectionCard id="batchNotice" title="通知正文">
      <Form.Item
        label="通知正文"
        name="batchNoticeText"
        rules={required("请填写通知正文")}
        extra="段落之间空一行；以“## ”开头的行显示为小标题。正文按纯文本显示。"
      >
        <Input.TextArea autoSize={{ minRows: 10, maxRows: 28 }} style={{ lineHeight: 1.8 }} />
      </Form.Item>
      <Form.Item noStyle dependencies={["batchNoticeText"]}>
        {({ getFieldValue }) => (
          <Collapse
            size="small"
            items={[
              {
                key: "preview",
                label: "预览正文",
                children: <BatchNoticeText text={getFieldValue("batchNoticeText") ?? ""} />,
              },
            ]}
          />
        )}
      </Form.Item>
    </SectionCard>
  );
}

export function ContactsSection() {
  return (
    <SectionCard id="contacts" title="联系方式">
      <Form.List name="contacts">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={12} align="top">
                <Col xs={24} md={7}>
                  <Form.Item
                    label={`联系方式${index + 1}名称`}
                    name={[field.name, "label"]}
                    rules={required("请填写名称，如 联系电话")}
                  >
                    <Input placeholder="如 联系电话" />
                  </Form.Item>
                </Col>
                <Col xs={22} md={15}>
                  <Form.Item
                    label={`联系方式${index + 1}内容`}
                    name={[field.name, "value"]}
                    rules={required("请填写内容")}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <RemoveButton label={`删除联系方式${index + 1}`} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: "", value: "" })}>
              添加联系方式
            </Button>
          </>
        )}
      </Form.List>
    </SectionCard>
  );
}
