import { type ApplicantCategory, applicantCategoryCodes, levelName } from "@linxuan/domain";
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Radio,
  Skeleton,
  Space,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { KindCode, LevelCode, OccupationCode } from "../../app/api-types";
import { DemoTag } from "../../shared/batch-tags";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { type ApiError, isApiError } from "../../shared/http";
import { categoryLabel, regionLabel } from "../../shared/labels";
import { usePublicBatches } from "../public/queries";
import { CopySourceField } from "./copy-source-field";
import { useApplicationOptions, useMyApplications, useStartApplication } from "./queries";
import { Deadline } from "./status-parts";
import "./application-parts.css";
import "./applications.css";

type Values = {
  kind?: KindCode;
  occupation?: OccupationCode;
  levels?: LevelCode[];
  applicantCategory?: ApplicantCategory;
  /** 从已有申报复制: "" for none. */
  sourceApplicationId?: string;
};

/**
 * /workbench/applications/new?batchId=… — batch, kind, one occupation (职业仅填一项: closed ones are
 * shown disabled with the reason), levels, and where the batch asks for it the 申报单位类别.
 */
export function NewApplicationPage() {
  const [params, setParams] = useSearchParams();
  // Local state answers the click at once; the URL follows so that the page can be bookmarked.
  const [batchId, setBatchId] = useState(params.get("batchId"));
  const batches = usePublicBatches();
  const options = useApplicationOptions(batchId);
  const start = useStartApplication();
  const earlier = useMyApplications().data ?? [];
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form);
  const [failure, setFailure] = useState<ApiError | Error | null>(null);
  const open = (batches.data ?? []).filter((batch) => batch.phase === "open");

  // One kind only (Shanghai: 培训机构) needs no choice.
  useEffect(() => {
    const kinds = options.data?.kinds ?? [];
    form.setFieldsValue({ kind: kinds.length === 1 ? kinds[0]?.kind : undefined, occupation: undefined });
  }, [options.data, form]);

  const occupations = (options.data?.occupations ?? []).filter((item) => item.kind === kind);
  const existing = (code: OccupationCode | undefined) =>
    options.data?.occupations.find((item) => item.kind === kind && item.occupation === code)
      ?.existingApplicationId;

  const onFinish = (values: Values) => {
    if (!batchId || !values.kind || !values.occupation) return;
    setFailure(null);
    start.mutate(
      {
        batchId,
        kind: values.kind,
        occupation: values.occupation,
        levels: values.levels ?? [],
        applicantCategory: options.data?.needsApplicantCategory ? (values.applicantCategory ?? null) : null,
        ...(values.sourceApplicationId ? { sourceApplicationId: values.sourceApplicationId } : {}),
      },
      {
        onSuccess: ({ application, copy }) => {
          if (copy) {
            const empty = copy.skipped.filter((slot) => slot.reason === "occupationSpecific").length;
            void message.success(
              `已从“${copy.source.batchTitle}·${copy.source.occupationName}”复制${copy.copied.length}项，与职业有关的${empty}项留空待填写`,
            );
          }
          navigate(`/workbench/applications/${application.id}`);
        },
        onError: (error) => setFailure(error),
      },
    );
  };
  const targetTemplateId = options.data?.kinds.find((item) => item.kind === kind)?.templateId ?? null;
  const existingId = isApiError(failure, "APPLICATION_EXISTS")
    ? existing(form.getFieldValue("occupation"))
    : null;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/workbench/applications">我的申报</Link> }, { title: "新建申报" }]}
      />
      <div className="lx-page-heading">
        <div>
          <h1>新建申报</h1>
          <Typography.Text type="secondary">
            一个职业一份申报（职业仅填一项）；申请多个职业的，请按职业分别新建。创建后即可填写申报表，草稿自动保存。
          </Typography.Text>
        </div>
      </div>
      <Card>
        <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 880 }}>
          <Form.Item label="遴选批次" required>
            {batches.isPending ? (
              <Skeleton active paragraph={{ rows: 2 }} />
            ) : open.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当前没有正在受理网上申报的遴选批次" />
            ) : (
              <Radio.Group
                value={batchId}
                onChange={(event) => {
                  setBatchId(String(event.target.value));
                  setParams({ batchId: String(event.target.value) }, { replace: true });
                }}
              >
                <Space orientation="vertical">
                  {open.map((batch) => (
                    <Radio key={batch.id} value={batch.id}>
                      <Space size={6} wrap>
                        <DemoTag isDemo={batch.isDemo} />
                        <span>{batch.title}</span>
                        {batch.scope.level === "region" && (
                          <Typography.Text type="secondary">
                            （限{regionLabel(batch.scope.regionCode)}登记的单位）
                          </Typography.Text>
                        )}
                        <Typography.Text type="secondary">
                          网上申报截止 {formatInstant(batch.onlineDeadline)}
                        </Typography.Text>
                      </Space>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            )}
          </Form.Item>
          {batchId && options.isError && <Alert type="error" showIcon title={errorText(options.error)} />}
          {batchId && options.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
          {options.data && (
            <>
              {options.data.phase !== "open" && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title="本批次当前不受理网上申报"
                />
              )}
              <Typography.Paragraph>
                <Deadline deadline={options.data.onlineDeadline} />
              </Typography.Paragraph>
              <Form.Item name="kind" label="机构类型" rules={[{ required: true, message: "请选择机构类型" }]}>
                <Radio.Group
                  options={options.data.kinds.map((item) => ({ value: item.kind, label: item.name }))}
                  onChange={() => form.setFieldValue("occupation", undefined)}
                />
              </Form.Item>
              {kind && (
                <Form.Item
                  name="occupation"
                  label="职业（仅填一项）"
                  rules={[{ required: true, message: "请选择一个职业" }]}
                >
                  <Radio.Group className="lx-occupation-group">
                    {occupations.map((item) => (
                      <div
                        key={item.occupation}
                        className={item.open ? "lx-occupation" : "lx-occupation lx-occupation-closed"}
                      >
                        <Radio value={item.occupation} disabled={!item.open}>
                          {item.name}
                        </Radio>
                        {!item.open && item.reason && (
                          <div className="lx-occupation-reason">
                            {item.reason}
                            {item.existingApplicationId && (
                              <Link to={`/workbench/applications/${item.existingApplicationId}`}>
                                {" "}
                                查看已有申报
                              </Link>
                            )}
                          </div>
                        )}
                      </div>
                    ))}
                  </Radio.Group>
                </Form.Item>
              )}
              <Form.Item
                name="levels"
                label="专业技术等级（可多选）"
                rules={[{ required: true, type: "array", min: 1, message: "请至少选择一个专业技术等级" }]}
              >
                <Checkbox.Group
                  options={options.data.levels.map((level) => ({ value: level, label: levelName(level) }))}
                />
              </Form.Item>
              {options.data.needsApplicantCategory && (
                <Form.Item
                  name="applicantCategory"
                  label="申报单位类别"
                  extra="本批次申报单位为专业技术人员继续教育基地或高等院校。"
                  rules={[{ required: true, message: "请选择申报单位类别" }]}
                >
                  <Radio.Group
                    options={applicantCategoryCodes.map((code) => ({
                      value: code,
                      label: categoryLabel(code),
                    }))}
                  />
                </Form.Item>
              )}
              {earlier.length > 0 && (
                <Form.Item
                  name="sourceApplicationId"
                  label="从已有申报复制"
                  initialValue=""
                  extra="综合实力较强的机构可以申报多个职业：本单位的基本情况、纳税、规模、场地设施、师资和简述可从任一已有申报复制，与职业有关的内容留空。"
                >
                  <CopySourceField applications={earlier} targetTemplateId={targetTemplateId} />
                </Form.Item>
              )}
              {failure && (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  style={{ marginBottom: 16 }}
                  title={errorText(failure)}
                  action={
                    existingId ? (
                      <Link to={`/workbench/applications/${existingId}`}>打开已有申报</Link>
                    ) : undefined
                  }
                />
              )}
              <Button
                type="primary"
                htmlType="submit"
                loading={start.isPending}
                disabled={options.data.phase !== "open"}
              >
                创建申报并开始填写
              </Button>
            </>
          )}
        </Form>
      </Card>
    </>
  );
}
