import { PlusOutlined } from "@ant-design/icons";
import { FORM_TEMPLATES, KINDS, LEVELS, OCCUPATIONS } from "@linxuan/domain";
import { Button, Checkbox, Col, Form, Input, Row, Select, Space } from "antd";
import type { KindCode } from "../../app/api-types";
import { catalogPublisherLabels, kindLabel, recommenderChoiceLabels } from "../../shared/labels";
import { RemoveButton, SectionCard } from "./form-fields";

const kindOptions = KINDS.map((kind) => ({ value: kind.code, label: kind.name }));
const occupationOptions = OCCUPATIONS.map((occupation) => ({
  value: occupation.code,
  label: occupation.name,
}));
const levelOptions = LEVELS.map((level) => ({ value: level.code, label: level.name }));

/** The form templates the platform ships, for one kind; a batch may only name one of these. */
const formTemplateOptions = (kind: KindCode) =>
  Object.values(FORM_TEMPLATES)
    .filter((template) => template.kind === kind)
    .map((template) => ({
      value: template.id,
      label: `${template.title}${template.cover ? "（含封面）" : `（${template.attachmentLabel}）`} · ${template.id}`,
    }));

const toOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

function KindSettings({ kind }: { kind: KindCode }) {
  return (
    <Row gutter={16} style={{ borderTop: "1px dashed #e5e6eb", paddingTop: 16 }}>
      <Col span={24} style={{ fontWeight: 600, marginBottom: 8 }}>
        {kindLabel(kind)}
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          label={`${kindLabel(kind)}申报表模板`}
          name={["formTemplates", kind]}
          rules={[{ required: true, message: "请选择申报表模板" }]}
        >
          <Select options={formTemplateOptions(kind)} placeholder="请选择" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label={`${kindLabel(kind)}推荐渠道`} name={["recommenderChoice", kind]}>
          <Select options={toOptions(recommenderChoiceLabels)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label={`${kindLabel(kind)}目录公布`} name={["catalogPublisher", kind]}>
          <Select options={toOptions(catalogPublisherLabels)} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function KindsSection() {
  return (
    <SectionCard id="kinds" title="机构类型与申报表">
      <Form.Item
        label="接受申报的机构类型"
        name="kinds"
        rules={[{ required: true, message: "至少接受一类机构" }]}
      >
        <Checkbox.Group options={kindOptions} />
      </Form.Item>
      <Form.Item noStyle dependencies={["kinds"]}>
        {({ getFieldValue }) =>
          ((getFieldValue("kinds") as KindCode[] | undefined) ?? []).map((kind) => (
            <KindSettings key={kind} kind={kind} />
          ))
        }
      </Form.Item>
    </SectionCard>
  );
}

export function OccupationsSection() {
  const form = Form.useFormInstance();
  return (
    <SectionCard
      id="occupations"
      title="职业与等级"
      extra={
        <Space>
          <Button
            size="small"
            onClick={() =>
              form.setFieldValue(
                "occupations",
                OCCUPATIONS.map((o) => o.code),
              )
            }
          >
            全选职业
          </Button>
          <Button size="small" onClick={() => form.setFieldValue("occupations", [])}>
            清空职业
          </Button>
        </Space>
      }
    >
      <Form.Item
        label="开放的职业"
        name="occupations"
        rules={[{ required: true, message: "至少开放一个职业" }]}
      >
        <Checkbox.Group
          options={occupationOptions}
          style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))", rowGap: 8 }}
        />
      </Form.Item>
      <Form.Item
        label="开放的专业技术等级"
        name="levels"
        rules={[{ required: true, message: "至少开放一个等级" }]}
      >
        <Checkbox.Group options={levelOptions} />
      </Form.Item>
    </SectionCard>
  );
}

export function ExclusionsSection() {
  return (
    <SectionCard id="exclusions" title="排除项">
      <p className="lx-muted" style={{ marginTop: 0 }}>
        某类机构不开放的职业，例如第二批评价机构不含第一批已遴选的职业。申报页和通知页会标明不开放及原因。
      </p>
      <Form.List name="exclusions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={12}>
                <Col xs={12} md={5}>
                  <Form.Item
                    label={`排除项${index + 1}机构类型`}
                    name={[field.name, "kind"]}
                    rules={[{ required: true, message: "请选择" }]}
                  >
                    <Select options={kindOptions} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={7}>
                  <Form.Item
                    label={`排除项${index + 1}职业`}
                    name={[field.name, "occupation"]}
                    rules={[{ required: true, message: "请选择" }]}
                  >
                    <Select options={occupationOptions} />
                  </Form.Item>
                </Col>
                <Col xs={22} md={10}>
                  <Form.Item
                    label={`排除项${index + 1}原因`}
                    name={[field.name, "reason"]}
                    rules={[{ required: true, message: "请填写原因" }]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <RemoveButton label={`删除排除项${index + 1}`} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ kind: "evaluation", reason: "" })}
            >
              添加排除项
            </Button>
          </>
        )}
      </Form.List>
    </SectionCard>
  );
}
