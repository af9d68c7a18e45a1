import { SaveOutlined } from "@ant-design/icons";
import { type BatchDefinition, validateBatchDefinition } from "@linxuan/domain";
import { Affix, Alert, Anchor, App, Button, Col, Form, Row, Space, Typography } from "antd";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useBlocker } from "react-router";
import { applyFieldErrors, pathToName, setFieldIssues } from "../../shared/form-errors";
import type { FieldIssue } from "../../shared/http";
import { BasicSection, BatchNoticeSection, ContactsSection } from "./form-basic";
import { EligibilitySection } from "./form-eligibility";
import { QuotasSection, StagesSection } from "./form-schedule";
import { ExclusionsSection, KindsSection, OccupationsSection } from "./form-scope";
import { AttachmentsSection, TermsSection } from "./form-terms";
import { type BatchFormValues, fromFormValues, toFormValues } from "./form-values";
import { batchSections, sectionOfPath } from "./sections";

type Props = {
  initial: BatchDefinition;
  /**
   * Saves the definition; an error with `fields` is shown on the fields, any other goes to onError.
   * May resolve to what to do next (e.g. navigate), run once the form is no longer dirty.
   */
  onSubmit: (definition: BatchDefinition) => Promise<(() => void) | undefined>;
  onError: (error: unknown) => void;
  banner?: ReactNode;
  submitText?: string;
};

export function BatchForm({ initial, onSubmit, onError, banner, submitText = "保存" }: Props) {
  const [form] = Form.useForm<BatchFormValues>();
  const initialValues = useMemo(() => toFormValues(initial), [initial]);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [dirty, setDirtyState] = useState(false);
  // The blocker reads the ref: a save followed at once by a navigation must not be blocked.
  const dirtyRef = useRef(false);
  const setDirty = (value: boolean) => {
    dirtyRef.current = value;
    setDirtyState(value);
  };
  const [saving, setSaving] = useState(false);
  const { modal } = App.useApp();

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirtyRef.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    modal.confirm({
      title: "有尚未保存的修改",
      content: "离开本页将丢失这些修改。确定离开吗？",
      okText: "离开",
      cancelText: "留在本页",
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal]);

  const showIssues = (found: FieldIssue[]) => {
    setIssues(found);
    const first = found[0];
    if (first) form.scrollToField(pathToName(first.path) as never, { block: "center" });
  };

  const save = async () => {
    setIssues([]);
    try {
      await form.validateFields();
    } catch {
      form.scrollToField(form.getFieldsError().find((field) => field.errors.length > 0)?.name ?? [], {
        block: "center",
      });
      return;
    }
    const definition = fromFormValues(form.getFieldsValue(true) as BatchFormValues);
    // The same validator the server runs: most mistakes are shown without a round trip.
    const local = validateBatchDefinition(definition);
    if (!local.ok) {
      setFieldIssues(form, local.issues);
      showIssues(local.issues);
      return;
    }
    setSaving(true);
    try {
      const next = await onSubmit(local.definition);
      setDirty(false);
      next?.();
    } catch (error) {
      const fieldIssues = applyFieldErrors(form, error);
      if (fieldIssues.length > 0) showIssues(fieldIssues);
      else onError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<BatchFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={() => setDirty(true)}
      onFinish={save}
      scrollToFirstError={false}
    >
      {banner}
      {issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={`有 ${issues.length} 处需要修改，批次尚未保存`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <a href={`#section-${sectionOfPath(issue.path).id}`}>
                    【{sectionOfPath(issue.path).title}】
                  </a>
                  {issue.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Row gutter={24}>
        <Col xs={24} xl={19}>
          <BasicSection />
          <BatchNoticeSection />
          <ContactsSection />
          <KindsSection />
          <OccupationsSection />
          <ExclusionsSection />
          <EligibilitySection />
          <QuotasSection />
          <StagesSection />
          <TermsSection />
          <AttachmentsSection />
        </Col>
        <Col xs={0} xl={5}>
          <Affix offsetTop={72}>
            <nav aria-label="批次编辑目录">
              <Anchor
                offsetTop={72}
                items={batchSections.map((section) => ({
                  key: section.id,
                  href: `#section-${section.id}`,
                  title: section.title,
                }))}
              />
            </nav>
          </Affix>
        </Col>
      </Row>
      <div
        style={{
          position: "sticky",
          bottom: 0,
          zIndex: 5,
          background: "#fff",
          borderTop: "1px solid #e5e6eb",
          padding: "12px 24px",
          margin: "0 -24px -24px",
          boxShadow: "0 -2px 8px rgba(0,0,0,0.04)",
        }}
      >
        <Space>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
            {submitText}
          </Button>
          <Typography.Text type={dirty ? "warning" : "secondary"}>
            {dirty ? "有尚未保存的修改" : "所有修改均已保存"}
          </Typography.Text>
        </Space>
      </div>
    </Form>
  );
}
