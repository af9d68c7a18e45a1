import { MinusCircleOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { SITE_VISIT_CONCLUSION_NAMES, SITE_VISIT_CONCLUSIONS, type SiteVisit } from "@linxuan/domain";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Space,
  Tag,
  Typography,
  Upload,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { dateToPicker, formatDate, formatInstant, pickerToDate } from "../../shared/dates";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import { apiUrl } from "../../shared/http";
import { siteVisitFileUrl, useSiteVisit, useSiteVisitStep } from "./queries";

const conclusionColor = { conforming: "green", partlyConforming: "gold", nonConforming: "red" } as const;

/**
 * 考察 on the application's page: the office acting on the batch plans the visit, records what it
 * found (with files) and concludes; everyone else who may see the application reads it.
 */
export function SiteVisitCard({ applicationId }: { applicationId: string }) {
  const query = useSiteVisit(applicationId);
  if (query.isPending) return null;
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  const { visit, canManage } = query.data;
  if (!visit && !canManage) return null;
  return (
    <Card
      title="考察"
      className="lx-site-visit"
      style={{ marginBottom: 16 }}
      extra={
        visit && (
          <Tag color={visit.conclusion ? conclusionColor[visit.conclusion] : "blue"}>
            {visit.conclusionName ?? visit.stateName}
          </Tag>
        )
      }
    >
      {!visit && (
        <Typography.Paragraph type="secondary">
          根据通知，必要时可对申报单位进行实地考察。先制定考察方案，考察后记录考察情况并作出结论；结论将列入审定页面和评议结果意见。
        </Typography.Paragraph>
      )}
      {visit && <VisitDetails applicationId={applicationId} visit={visit} />}
      {canManage && (!visit || visit.state === "planned") && (
        <PlanForm applicationId={applicationId} visit={visit} />
      )}
      {canManage && visit && <AttachButton applicationId={applicationId} />}
      {canManage && visit && <FindingsForm applicationId={applicationId} visit={visit} />}
      {canManage && visit?.state === "recorded" && <ConclusionForm applicationId={applicationId} />}
    </Card>
  );
}

function VisitDetails({ applicationId, visit }: { applicationId: string; visit: SiteVisit }) {
  return (
    <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
      <Descriptions.Item label="考察日期">{formatDate(visit.visitDate)}</Descriptions.Item>
      <Descriptions.Item label="考察组">
        {visit.team.map((member) => `${member.name}（${member.unit}）`).join("、")}
      </Descriptions.Item>
      <Descriptions.Item label="考察方案">
        <div style={{ whiteSpace: "pre-wrap" }}>{visit.plan}</div>
      </Descriptions.Item>
      {visit.findings && (
        <Descriptions.Item label="考察情况">
          <div style={{ whiteSpace: "pre-wrap" }}>{visit.findings}</div>
        </Descriptions.Item>
      )}
      {visit.attachments.length > 0 && (
        <Descriptions.Item label="考察材料">
          <ul className="lx-file-list">
            {visit.attachments.map((file) => (
              <li key={file.id}>
                <PaperClipOutlined />{" "}
                <a href={apiUrl(siteVisitFileUrl(applicationId, file.id))} download={file.fileName}>
                  {file.fileName}
                </a>{" "}
                <span className="lx-muted">上传于 {formatInstant(file.uploadedAt)}</span>
              </li>
            ))}
          </ul>
        </Descriptions.Item>
      )}
      {visit.conclusionName && (
        <Descriptions.Item label="考察结论">
          <Space direction="vertical" size={4}>
            <strong>{visit.conclusionName}</strong>
            <span style={{ whiteSpace: "pre-wrap" }}>{visit.conclusionText}</span>
            <span className="lx-muted">
              {visit.concludedBy} 于 {formatInstant(visit.concludedAt)} 作出
            </span>
          </Space>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

type PlanValues = { plan: string; team: { name: string; unit: string }[]; visitDate: Dayjs | null };

function PlanForm({ applicationId, visit }: { applicationId: string; visit: SiteVisit | null }) {
  const [form] = Form.useForm<PlanValues>();
  const step = useSiteVisitStep(applicationId);
  const { message } = App.useApp();
  const [open, setOpen] = useState(!visit);
  if (!open)
    return (
      <Button style={{ marginBottom: 16, marginRight: 8 }} onClick={() => setOpen(true)}>
        修改考察方案
      </Button>
    );
  return (
    <Form<PlanValues>
      form={form}
      layout="vertical"
      name="siteVisitPlan"
      aria-label="考察方案表单"
      initialValues={{
        plan: visit?.plan ?? "",
        team: visit?.team ?? [
          { name: "", unit: "" },
          { name: "", unit: "" },
        ],
        visitDate: dateToPicker(visit?.visitDate),
      }}
      onFinish={async (values) => {
        try {
          await step.mutateAsync({
            step: "plan",
            body: { plan: values.plan, team: values.team, visitDate: pickerToDate(values.visitDate) ?? "" },
          });
          message.success(visit ? "考察方案已修改" : "考察方案已保存");
          setOpen(false);
        } catch (error) {
          const issues = applyFieldErrors(form, error);
          if (issues.length === 0) message.error(errorText(error));
        }
      }}
    >
      <Form.Item
        name="plan"
        label="考察方案"
        rules={[{ required: true, min: 10, message: "考察方案至少10个字" }]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder="考察内容、方式和安排" />
      </Form.Item>
      <Form.Item label="考察组成员" required>
        <Form.List name="team">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: "100%" }}>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, "name"]}
                    noStyle
                    rules={[{ required: true, min: 2, message: "请填写姓名" }]}
                  >
                    <Input
                      aria-label={`第${index + 1}名成员姓名`}
                      placeholder="姓名"
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "unit"]}
                    noStyle
                    rules={[{ required: true, min: 2, message: "请填写单位" }]}
                  >
                    <Input
                      aria-label={`第${index + 1}名成员单位`}
                      placeholder="单位"
                      style={{ width: 320 }}
                    />
                  </Form.Item>
                  {fields.length > 2 && (
                    <MinusCircleOutlined aria-label="删除成员" onClick={() => remove(field.name)} />
                  )}
                </Space>
              ))}
              {fields.length < 10 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: "", unit: "" })}>
                  添加成员
                </Button>
              )}
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="visitDate" label="考察日期" rules={[{ required: true, message: "请选择考察日期" }]}>
        <DatePicker format="YYYY-MM-DD" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={step.isPending}>
        保存考察方案
      </Button>
    </Form>
  );
}

function AttachButton({ applicationId }: { applicationId: string }) {
  const step = useSiteVisitStep(applicationId);
  const { message } = App.useApp();
  return (
    <Upload
      accept=".pdf,.jpg,.jpeg,.png"
      showUploadList={false}
      customRequest={({ file, onSuccess, onError }) => {
        step
          .mutateAsync({ step: "attach", file: file as File })
          .then((answer) => {
            message.success("考察材料已上传");
            onSuccess?.(answer);
          })
          .catch((error: Error) => {
            message.error(errorText(error));
            onError?.(error);
          });
      }}
    >
      <Button icon={<UploadOutlined />} loading={step.isPending} style={{ marginBottom: 16 }}>
        上传考察材料（PDF、JPG、PNG）
      </Button>
    </Upload>
  );
}

function FindingsForm({ applicationId, visit }: { applicationId: string; visit: SiteVisit }) {
  const [form] = Form.useForm<{ findings: string }>();
  const step = useSiteVisitStep(applicationId);
  const { message } = App.useApp();
  return (
    <Form
      form={form}
      layout="vertical"
      name="siteVisitFindings"
      aria-label="考察情况表单"
      initialValues={{ findings: visit.findings ?? "" }}
      onFinish={async (values) => {
        try {
          await step.mutateAsync({ step: "findings", body: values });
          message.success("考察情况已记录");
        } catch (error) {
          if (applyFieldErrors(form, error).length === 0) message.error(errorText(error));
        }
      }}
    >
      <Form.Item
        name="findings"
        label="考察情况"
        rules={[{ required: true, min: 10, message: "考察情况至少10个字" }]}
      >
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Button htmlType="submit" loading={step.isPending} style={{ marginBottom: 16 }}>
        {visit.findings ? "修改考察情况" : "记录考察情况"}
      </Button>
    </Form>
  );
}

function ConclusionForm({ applicationId }: { applicationId: string }) {
  const [form] = Form.useForm<{ conclusion: string; conclusionText: string }>();
  const step = useSiteVisitStep(applicationId);
  const { message } = App.useApp();
  return (
    <Form
      form={form}
      layout="vertical"
      name="siteVisitConclusion"
      aria-label="考察结论表单"
      onFinish={async (values) => {
        try {
          await step.mutateAsync({ step: "conclusion", body: values });
          message.success("考察结论已作出");
        } catch (error) {
          if (applyFieldErrors(form, error).length === 0) message.error(errorText(error));
        }
      }}
    >
      <Form.Item name="conclusion" label="考察结论" rules={[{ required: true, message: "请选择考察结论" }]}>
        <Radio.Group
          options={SITE_VISIT_CONCLUSIONS.map((value) => ({
            value,
            label: SITE_VISIT_CONCLUSION_NAMES[value],
          }))}
        />
      </Form.Item>
      <Form.Item
        name="conclusionText"
        label="考察结论意见"
        rules={[{ required: true, min: 4, message: "考察结论意见至少4个字" }]}
      >
        <Input.TextArea rows={2} maxLength={2000} showCount />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        考察结论作出后不能修改，将列入审定页面和评议结果意见。
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={step.isPending}>
        作出考察结论
      </Button>
    </Form>
  );
}
