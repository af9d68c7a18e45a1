import { PlusOutlined } from "@ant-design/icons";
import { applicantCategoryCodes, eligibilityRuleCodes } from "@linxuan/domain";
import { Button, Checkbox, Col, DatePicker, Form, InputNumber, Row, Select } from "antd";
import { categoryLabel, ruleLabels, severityLabels } from "../../shared/labels";
import { RegionSelect, RemoveButton, SectionCard } from "./form-fields";

const toOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

function RuleParameter({ name, index }: { name: number; index: number }) {
  return (
    <Form.Item
      noStyle
      shouldUpdate={(previous, current) =>
        previous.eligibilityRules?.[name]?.rule !== current.eligibilityRules?.[name]?.rule
      }
    >
      {({ getFieldValue }) => {
        const rule = getFieldValue(["eligibilityRules", name, "rule"]);
        const label = `资格条件${index + 1}参数`;
        switch (rule) {
          case "registeredOnOrBefore":
            return (
              <Form.Item
                label={`${label}：成立日期不晚于`}
                name={[name, "date"]}
                rules={[{ required: true, message: "请选择日期" }]}
              >
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            );
          case "registeredInRegion":
            return (
              <Form.Item
                label={`${label}：登记地区`}
                name={[name, "regionCode"]}
                rules={[{ required: true, message: "请选择地区" }]}
              >
                <RegionSelect />
              </Form.Item>
            );
          case "minAnnualScale":
            return (
              <Form.Item
                label={`${label}：年规模不少于`}
                name={[name, "count"]}
                rules={[{ required: true, message: "请填写人次" }]}
              >
                <InputNumber min={1} precision={0} suffix="人次" style={{ width: "100%" }} />
              </Form.Item>
            );
          case "minExperienceYears":
            return (
              <Form.Item
                label={`${label}：经验不少于`}
                name={[name, "years"]}
                rules={[{ required: true, message: "请填写年限" }]}
              >
                <InputNumber min={1} precision={0} suffix="年" style={{ width: "100%" }} />
              </Form.Item>
            );
          case "applicantCategory":
            return (
              <Form.Item
                label={`${label}：允许的单位类别`}
                name={[name, "allowed"]}
                rules={[{ required: true, message: "至少选择一类" }]}
              >
                <Checkbox.Group
                  options={applicantCategoryCodes.map((code) => ({
                    value: code,
                    label: categoryLabel(code),
                  }))}
                />
              </Form.Item>
            );
          default:
            return (
              <div className="lx-muted" style={{ paddingTop: 34 }}>
                此条件无参数
              </div>
            );
        }
      }}
    </Form.Item>
  );
}

export function EligibilitySection() {
  return (
    <SectionCard id="eligibility" title="资格条件">
      <p className="lx-muted" style={{ marginTop: 0 }}>
        硬性条件不满足时不能提交申报；柔性条件对应通知中“一般应”的要求，不满足时提示评审专家关注。
      </p>
      <Form.List name="eligibilityRules">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={12}>
                <Col xs={24} md={7}>
                  <Form.Item
                    label={`资格条件${index + 1}`}
                    name={[field.name, "rule"]}
                    rules={[{ required: true, message: "请选择" }]}
                  >
                    <Select
                      options={eligibilityRuleCodes.map((code) => ({ value: code, label: ruleLabels[code] }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    label={`资格条件${index + 1}性质`}
                    name={[field.name, "severity"]}
                    rules={[{ required: true, message: "请选择" }]}
                  >
                    <Select options={toOptions(severityLabels)} />
                  </Form.Item>
                </Col>
                <Col xs={22} md={9}>
                  <RuleParameter name={field.name} index={index} />
                </Col>
                <Col span={2}>
                  <RemoveButton label={`删除资格条件${index + 1}`} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ rule: "noDishonestyRecord", severity: "hard" })}
            >
              添加资格条件
            </Button>
          </>
        )}
      </Form.List>
    </SectionCard>
  );
}
