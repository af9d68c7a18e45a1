import { type KindCode, kindName, type Rubric, validateRubric } from "@linxuan/domain";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  InputNumber,
  Row,
  Switch,
  Tabs,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { formatInstant, instantToWallClock, wallClockToInstant } from "../../shared/dates";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import { useSaveRound } from "./queries";
import { RubricEditor } from "./rubric-editor";
import type { ReviewRound } from "./types";

type Values = {
  perApplication: number;
  maxLoad: number;
  crossRegion: boolean;
  requireOutsideRegion: boolean;
  dispersionThreshold: number;
  dueAt: Dayjs | null;
  closesAt: Dayjs | null;
  trainingExpertScoring: boolean;
};

type Issues = Partial<Record<KindCode, { path: string; message: string }[]>>;

/** 评议设置: experts per application, load limit, regions, dispersion threshold, dates and the rubrics. */
export function SettingsCard({
  batchId,
  round,
  kinds,
}: {
  batchId: string;
  round: ReviewRound;
  kinds: KindCode[];
}) {
  const [form] = Form.useForm<Values>();
  const save = useSaveRound(batchId);
  const { message } = App.useApp();
  const [rubrics, setRubrics] = useState(round.rubrics);
  const [issues, setIssues] = useState<Issues>({});
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    form.setFieldsValue({
      perApplication: round.perApplication,
      maxLoad: round.maxLoad,
      crossRegion: round.crossRegion,
      requireOutsideRegion: round.requireOutsideRegion,
      dispersionThreshold: round.dispersionThreshold,
      dueAt: instantToWallClock(round.dueAt),
      closesAt: instantToWallClock(round.closesAt),
      trainingExpertScoring: round.trainingExpertScoring,
    });
    setRubrics(round.rubrics);
  }, [round, form]);

  const submit = async () => {
    setFailure(null);
    const values = await form.validateFields();
    const found: Issues = {};
    for (const kind of kinds) {
      const result = validateRubric(rubrics[kind]);
      if (!result.ok) found[kind] = result.issues;
    }
    setIssues(found);
    if (Object.keys(found).length > 0) {
      setFailure("评分细则有问题，请按提示修改（各评分项权重之和应为100）");
      return;
    }
    try {
      await save.mutateAsync({
        perApplication: values.perApplication,
        maxLoad: values.maxLoad,
        crossRegion: values.crossRegion,
        requireOutsideRegion: values.requireOutsideRegion,
        dispersionThreshold: values.dispersionThreshold,
        dueAt: wallClockToInstant(values.dueAt),
        closesAt: wallClockToInstant(values.closesAt),
        rubrics,
        trainingExpertScoring: values.trainingExpertScoring ?? round.trainingExpertScoring,
        version: round.version,
      });
      message.success("评议设置已保存");
    } catch (error) {
      applyFieldErrors(form, error);
      setFailure(errorText(error));
    }
  };

  return (
    <Card
      title="评议设置"
      extra={
        <Typography.Text type="secondary">
          {round.version === 0 ? "尚未保存（显示的是默认设置）" : `第${round.version}版`}
          {round.scoresOpenedAt ? ` · 已于${formatInstant(round.scoresOpenedAt)}公开评分` : ""}
        </Typography.Text>
      }
    >
      <Form form={form} layout="vertical">
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item
              name="perApplication"
              label="每份申报专家数"
              rules={[{ required: true, message: "请填写" }]}
            >
              <InputNumber min={1} max={15} precision={0} style={{ width: "100%" }} addonAfter="人" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="maxLoad" label="每位专家上限" rules={[{ required: true, message: "请填写" }]}>
              <InputNumber min={1} max={500} precision={0} style={{ width: "100%" }} addonAfter="份" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="dispersionThreshold"
              label="离散阈值（最高分与最低分之差）"
              rules={[{ required: true, message: "请填写" }]}
            >
              <InputNumber min={1} max={100} style={{ width: "100%" }} addonAfter="分" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="crossRegion" label="跨地区评议（回避同地区专家）" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="requireOutsideRegion" label="至少一名外地专家" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          {kinds.includes("training") && (
            <Col xs={24} md={12}>
              <Form.Item
                name="trainingExpertScoring"
                label="培训机构申报由专家评分"
                valuePropName="checked"
                tooltip="全国批次中，办公室审核各地推荐的培训机构；关闭后培训机构申报只审核、不评分，审核通过即可审定。"
              >
                <Switch />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} md={6}>
            <Form.Item name="dueAt" label="评议截止（北京时间）">
              <DatePicker
                showTime={{ format: "HH:mm" }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="closesAt" label="关闭时间（此后不能再改评分）">
              <DatePicker
                showTime={{ format: "HH:mm" }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Typography.Title level={5}>评分细则</Typography.Title>
      <Tabs
        items={kinds.map((kind) => ({
          key: kind,
          label: `${kindName(kind)}${issues[kind]?.length ? "（有问题）" : ""}`,
          children: rubrics[kind] ? (
            <RubricEditor
              rubric={rubrics[kind] as Rubric}
              issues={issues[kind] ?? []}
              onChange={(rubric) => setRubrics((prev) => ({ ...prev, [kind]: rubric }))}
            />
          ) : (
            <Alert type="warning" showIcon title="缺少评分细则" />
          ),
        }))}
      />
      {failure && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={failure} />}
      <Button type="primary" style={{ marginTop: 16 }} loading={save.isPending} onClick={submit}>
        保存评议设置
      </Button>
    </Card>
  );
}
