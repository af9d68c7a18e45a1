import { PlusOutlined } from "@ant-design/icons";
import { attachmentCodes } from "@linxuan/domain";
import { Button, Col, Form, Input, InputNumber, Row, Select, Switch } from "antd";
import { RemoveButton, SectionCard } from "./form-fields";

const attachmentNames: Record<(typeof attachmentCodes)[number], string> = {
  legalRegistrationCertificate: "法人登记证书复印件",
  creditReport: "信用报告或诚信承诺书",
  stampedForm: "加盖公章的申报表PDF",
  supportingMaterials: "支撑材料",
  extraPages: "申报表另附页",
};

const positive = (message: string) => [{ required: true, message }];

export function TermsSection() {
  const items = [
    { name: "publicNoticeWorkdays", label: "公示期", suffix: "个工作日", min: 1, max: 30 },
    { name: "catalogValidityYears", label: "目录有效期", suffix: "年", min: 1, max: 10 },
    { name: "assessmentCycleYears", label: "考核评估周期", suffix: "年", min: 1, max: 10 },
    { name: "reapplicationBanYears", label: "考核不通过后禁止再次申报", suffix: "年", min: 0, max: 10 },
  ];
  return (
    <SectionCard id="terms" title="公示与有效期">
      <Row gutter={16}>
        {items.map((item) => (
          <Col key={item.name} xs={24} md={6}>
            <Form.Item label={item.label} name={item.name} rules={positive(`请填写${item.label}`)}>
              <InputNumber
                min={item.min}
                max={item.max}
                precision={0}
                suffix={item.suffix}
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </SectionCard>
  );
}

export function AttachmentsSection() {
  return (
    <SectionCard id="attachments" title="附件要求">
      <Form.List name="requiredAttachments">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={12}>
                <Col xs={12} md={5}>
                  <Form.Item
                    label={`附件${index + 1}类别`}
                    name={[field.name, "code"]}
                    rules={positive("请选择")}
                  >
                    <Select
                      options={attachmentCodes.map((code) => ({ value: code, label: attachmentNames[code] }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={7}>
                  <Form.Item
                    label={`附件${index + 1}名称`}
                    name={[field.name, "name"]}
                    rules={positive("请填写名称")}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={6} md={3}>
                  <Form.Item
                    label={`附件${index + 1}必须`}
                    name={[field.name, "required"]}
                    valuePropName="checked"
                  >
                    <Switch checkedChildren="必须" unCheckedChildren="可选" />
                  </Form.Item>
                </Col>
                <Col xs={16} md={7}>
                  <Form.Item label={`附件${index + 1}说明`} name={[field.name, "note"]}>
                    <Input maxLength={300} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <RemoveButton label={`删除附件${index + 1}`} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ required: true, note: "" })}>
              添加附件要求
            </Button>
          </>
        )}
      </Form.List>
    </SectionCard>
  );
}
