import { type ExpertProfile, expertProfileSchema, OCCUPATIONS, REGIONS } from "@linxuan/domain";
import { Alert, App, Button, Drawer, Form, Input, Select, Space, Switch } from "antd";
import { useEffect } from "react";
import { applyFieldErrors, errorText, setFieldIssues } from "../../shared/form-errors";
import { type Expert, type InitialAccount, useCreateExpert, useUpdateExpert } from "./queries";

type Values = Omit<ExpertProfile, "employerCreditCode"> & { employerCreditCode?: string; username?: string };

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/;

/** 新增专家 / 编辑专家: every profile field, checked with the schema the server uses. */
export function ExpertDrawer({
  open,
  expert,
  onClose,
  onCreated,
}: {
  open: boolean;
  expert: Expert | null;
  onClose: () => void;
  onCreated: (account: InitialAccount) => void;
}) {
  const [form] = Form.useForm<Values>();
  const create = useCreateExpert();
  const update = useUpdateExpert();
  const { message } = App.useApp();
  const editing = expert !== null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (expert) {
      form.setFieldsValue({
        name: expert.name,
        employer: expert.employer,
        employerCreditCode: expert.employerCreditCode ?? undefined,
        title: expert.title,
        occupations: expert.occupations,
        regionCode: expert.regionCode as ExpertProfile["regionCode"],
        phone: "",
        email: expert.email ?? "",
        active: expert.active,
      });
    } else {
      form.setFieldsValue({ active: true, occupations: [] });
    }
  }, [open, expert, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const { username, ...rest } = values;
    const parsed = expertProfileSchema.safeParse(rest);
    if (!parsed.success) {
      setFieldIssues(
        form,
        parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
      );
      return;
    }
    try {
      if (expert) {
        await update.mutateAsync({ id: expert.id, profile: parsed.data });
        message.success("专家信息已保存");
      } else {
        const created = await create.mutateAsync({ username: (username ?? "").trim(), profile: parsed.data });
        message.success("专家已加入专家库，账号已创建");
        onCreated({
          username: created.username,
          name: parsed.data.name,
          initialPassword: created.initialPassword,
        });
      }
      onClose();
    } catch (error) {
      const issues = applyFieldErrors(form, error);
      // The server names profile fields "profile.phone"; put them under the fields too.
      if (issues.length > 0)
        setFieldIssues(
          form,
          issues.map((issue) => ({ ...issue, path: issue.path.replace(/^profile\./, "") })),
        );
      message.error(errorText(error));
    }
  };

  return (
    <Drawer
      open={open}
      width={560}
      title={editing ? `编辑专家：${expert?.name}` : "新增专家"}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={submit}>
            {editing ? "保存" : "新增并创建账号"}
          </Button>
        </Space>
      }
    >
      {editing && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`手机号脱敏保存（${expert?.phone ?? "未登记"}），修改专家信息时请重新填写完整手机号。`}
        />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="name"
          label="姓名"
          rules={[{ required: true, whitespace: true, message: "请填写专家姓名" }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="employer"
          label="工作单位"
          rules={[{ required: true, whitespace: true, message: "请填写工作单位" }]}
        >
          <Input maxLength={100} placeholder="建议填写至院系或部门" />
        </Form.Item>
        <Form.Item
          name="employerCreditCode"
          label="工作单位统一社会信用代码"
          extra="可不填；填写后可更准确地识别利益冲突。"
        >
          <Input maxLength={18} style={{ fontFamily: "monospace" }} />
        </Form.Item>
        <Form.Item
          name="title"
          label="专业技术职务/职称"
          rules={[{ required: true, whitespace: true, message: "请填写专业技术职务/职称" }]}
        >
          <Input maxLength={50} placeholder="如：教授、正高级工程师" />
        </Form.Item>
        <Form.Item
          name="occupations"
          label="评议职业"
          rules={[{ required: true, type: "array", min: 1, message: "请至少选择一个评议职业" }]}
        >
          <Select
            mode="multiple"
            aria-label="评议职业"
            options={OCCUPATIONS.map((item) => ({ value: item.code, label: item.name }))}
          />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label="所在地区"
          rules={[{ required: true, message: "请选择专家所在地区" }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            aria-label="所在地区"
            options={REGIONS.map((region) => ({ value: region.code, label: region.name }))}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label="手机"
          rules={[{ required: true, whitespace: true, message: "请填写手机号" }]}
        >
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label="邮箱"
          rules={[{ required: true, whitespace: true, message: "请填写电子邮箱" }]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="active"
          label="可参加评议"
          valuePropName="checked"
          extra="停用的专家保留在库中，但不再分配新的评议任务。"
        >
          <Switch checkedChildren="可参加" unCheckedChildren="停用" />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="username"
            label="用户名"
            extra="专家登录用；3–32位字母、数字、点、下划线或连字符。初始密码由系统生成，只显示一次。"
            rules={[
              { required: true, whitespace: true, message: "请填写用户名" },
              { pattern: USERNAME, message: "用户名为3–32位字母、数字、点、下划线或连字符" },
            ]}
          >
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
