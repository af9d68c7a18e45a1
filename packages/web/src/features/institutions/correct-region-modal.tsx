import { type InstitutionSummary, REGIONS, type RegionCode } from "@linxuan/domain";
import { Alert, App, Form, Input, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import { useCorrectRegion } from "./queries";

type Values = { regionCode: RegionCode; reason: string };

/** 更正所在地区: the region the institution's applications are routed by, with the reason audited. */
export function CorrectRegionModal({
  institution,
  onClose,
}: {
  institution: InstitutionSummary | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const correct = useCorrectRegion();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const onFinish = async (values: Values) => {
    if (!institution) return;
    setFailure(null);
    try {
      const { institution: updated } = await correct.mutateAsync({ id: institution.id, ...values });
      message.success(`已将“${updated.name}”的所在地区更正为${updated.regionName ?? ""}`);
      close();
    } catch (error) {
      setFailure(applyFieldErrors(form, error).length > 0 ? null : errorText(error));
    }
  };

  return (
    <Modal
      open={institution !== null}
      title={`更正所在地区：${institution?.name ?? ""}`}
      okText="确认更正"
      cancelText="取消"
      confirmLoading={correct.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={failure} />}
      <Typography.Paragraph type="secondary">
        现为：{institution?.regionName ?? "未确定"}（{institution?.regionBasis ?? ""}
        ）。更正后，该单位尚未提交的申报按新的所在地区确定申报去向；已提交的申报仍由原推荐单位办理。更正及原因记入审计日志。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item label="所在地区" name="regionCode" rules={[{ required: true, message: "请选择所在地区" }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="选择省级行政区或新疆生产建设兵团"
            options={REGIONS.map((region) => ({ value: region.code, label: region.name }))}
          />
        </Form.Item>
        <Form.Item
          label="更正原因"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: "请填写更正原因" },
            { min: 2, max: 200, message: "更正原因应为2–200个字" },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
