import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from "@ant-design/icons";
import { stageCodes } from "@linxuan/domain";
import { Button, Col, Form, Input, InputNumber, Row, Select, Space } from "antd";
import type { KindCode } from "../../app/api-types";
import { stageLabel } from "../../shared/labels";
import { InstantPicker, RegionSelect, RemoveButton, SectionCard } from "./form-fields";

const positive = (message: string) => [{ required: true, message }];

export function QuotasSection() {
  return (
    <SectionCard id="quotas" title="名额">
      <Form.Item noStyle dependencies={["kinds"]}>
        {({ getFieldValue }) => {
          const kinds = (getFieldValue("kinds") as KindCode[] | undefined) ?? [];
          return (
            <>
              {kinds.includes("evaluation") && (
                <Row gutter={16}>
                  <Col xs={12} md={6}>
                    <Form.Item
                      label="评价机构每职业名额下限"
                      name={["quotas", "evaluation", "perOccupationMin"]}
                      rules={positive("请填写下限")}
                    >
                      <InputNumber min={1} precision={0} suffix="家" style={{ width: "100%" }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      label="评价机构每职业名额上限"
                      name={["quotas", "evaluation", "perOccupationMax"]}
                      rules={positive("请填写上限")}
                    >
                      <InputNumber min={1} precision={0} suffix="家" style={{ width: "100%" }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      label="每个推荐单位每职业推荐上限（可不填）"
                      name={["quotas", "evaluation", "perRecommenderMax"]}
                      extra="通知未限定每个推荐单位推荐评价机构的数量时留空（不限）；填写即按本批次的决定限制。"
                    >
                      <InputNumber
                        min={1}
                        precision={0}
                        suffix="家"
                        placeholder="不限"
                        style={{ width: 160 }}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              )}
              {kinds.includes("training") && <TrainingQuotas />}
              {kinds.length === 0 && (
                <p className="lx-muted">请先在“机构类型与申报表”中选择接受申报的机构类型。</p>
              )}
            </>
          );
        }}
      </Form.Item>
      <Form.Item label="名额说明" name={["quotas", "note"]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount />
      </Form.Item>
    </SectionCard>
  );
}

function TrainingQuotas() {
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label="培训机构每职业每地区名额"
            name={["quotas", "training", "perOccupationPerRegion"]}
            rules={positive("请填写名额")}
          >
            <InputNumber min={1} precision={0} suffix="家" style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name={["quotas", "training", "regionOverrides"]}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={12}>
                <Col xs={12} md={6}>
                  <Form.Item
                    label={`地区名额${index + 1}地区`}
                    name={[field.name, "regionCode"]}
                    rules={positive("请选择地区")}
                  >
                    <RegionSelect />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item
                    label={`地区名额${index + 1}每职业`}
                    name={[field.name, "perOccupation"]}
                    rules={positive("请填写名额")}
                  >
                    <InputNumber min={1} precision={0} suffix="家" style={{ width: "100%" }} />
                  </Form.Item>
                </Col>
                <Col xs={22} md={11}>
                  <Form.Item label={`地区名额${index + 1}说明`} name={[field.name, "note"]}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <RemoveButton label={`删除地区名额${index + 1}`} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ perOccupation: 10, note: "" })}
              style={{ marginBottom: 16 }}
            >
              添加地区名额（如北京、上海、粤港澳大湾区扩大规模）
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

export function StagesSection() {
  return (
    <SectionCard id="stages" title="阶段与日期">
      <p className="lx-muted" style={{ marginTop: 0 }}>
        所有时间均为北京时间。阶段须按网上申报、审核推荐、形式审查、专家评议、审定、公示、纳入目录的顺序排列，可省略不适用的阶段。
      </p>
      <Form.List name="stages">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={12} align="top">
                <Col xs={24} md={6}>
                  <Form.Item
                    label={`阶段${index + 1}`}
                    name={[field.name, "code"]}
                    rules={positive("请选择阶段")}
                  >
                    <Select options={stageCodes.map((code) => ({ value: code, label: stageLabel(code) }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={7}>
                  <Form.Item label={`阶段${index + 1}开始时间（北京时间）`} name={[field.name, "opensAt"]}>
                    <InstantPicker />
                  </Form.Item>
                </Col>
                <Col xs={12} md={7}>
                  <Form.Item label={`阶段${index + 1}截止时间（北京时间）`} name={[field.name, "closesAt"]}>
                    <InstantPicker />
                  </Form.Item>
                </Col>
                <Col xs={24} md={4}>
                  <Space size={0} style={{ marginTop: 30 }}>
                    <Button
                      type="text"
                      icon={<ArrowUpOutlined />}
                      aria-label={`阶段${index + 1}上移`}
                      title="上移"
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                    />
                    <Button
                      type="text"
                      icon={<ArrowDownOutlined />}
                      aria-label={`阶段${index + 1}下移`}
                      title="下移"
                      disabled={index === fields.length - 1}
                      onClick={() => move(index, index + 1)}
                    />
                    <RemoveButton inline label={`删除阶段${index + 1}`} onClick={() => remove(field.name)} />
                  </Space>
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ opensAt: null, closesAt: null })}
              style={{ marginBottom: 24 }}
            >
              添加阶段
            </Button>
          </>
        )}
      </Form.List>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label="网上申报截止时间（北京时间）"
            name="onlineDeadline"
            rules={positive("请选择网上申报截止时间")}
            extra="服务器精确到秒执行；应与“网上申报”阶段的截止时间一致"
          >
            <InstantPicker />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="纸质材料截止时间（北京时间）" name="paperDeadline" extra="不要求纸质材料时可不填">
            <InstantPicker />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="纸质材料份数" name="paperCopies" rules={positive("请填写份数，不要求时填0")}>
            <InputNumber min={0} max={10} precision={0} suffix="份" style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="材料报送单位" name="submitTo">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
    </SectionCard>
  );
}
