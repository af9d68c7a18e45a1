import type { StaffUser } from "@linxuan/domain";
import {
  checkEmail,
  checkPasswordPolicy,
  checkPhone,
  type Role,
  regionalRoles,
  roleNames,
  staffRoles,
} from "@linxuan/domain";
import { Alert, App, Button, Drawer, Form, Input, Select, Space } from "antd";
import { useEffect, useState } from "react";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import { checkRule } from "../../shared/form-rules";
import { PasswordHint } from "../auth/password-hint";
import { RegionSelect } from "../batches/form-fields";
import { useCreateUser, useUpdateUser } from "./queries";

type UserValues = {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  regionCode?: string;
  industryScope?: string;
  phone?: string;
  email?: string;
};

const emailRule = checkRule((value) => {
  const result = checkEmail(value);
  return result.ok ? null : result.message;
});
const phoneRule = checkRule((value) => {
  const result = checkPhone(value);
  return result.ok ? null : result.message;
});

/** Creates a staff account (user = null) or edits one. Institutions register themselves. */
export function UserDrawer({
  open,
  user,
  onClose,
}: {
  open: boolean;
  user: StaffUser | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<UserValues>();
  const role = Form.useWatch("role", form);
  const password = Form.useWatch("password", form);
  const create = useCreateUser();
  const update = useUpdateUser();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const editing = user !== null;

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        regionCode: user.regionCode ?? undefined,
        industryScope: user.industryScope ?? undefined,
        email: user.email ?? undefined,
      });
    }
  }, [open, user, form]);

  const onFinish = async (values: UserValues) => {
    setFailure(null);
    const regional = regionalRoles.includes(values.role);
    const industry = values.role === "industryRecommender";
    try {
      if (user) {
        await update.mutateAsync({
          id: user.id,
          displayName: values.displayName.trim(),
          regionCode: regional ? (values.regionCode ?? null) : null,
          industryScope: industry ? (values.industryScope?.trim() ?? null) : null,
          email: values.email?.trim() || null,
          ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
        });
        message.success("账号信息已更新");
      } else {
        await create.mutateAsync({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          role: values.role,
          password: values.password,
          ...(regional && values.regionCode ? { regionCode: values.regionCode } : {}),
          ...(industry && values.industryScope ? { industryScope: values.industryScope.trim() } : {}),
          ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
          ...(values.email?.trim() ? { email: values.email.trim() } : {}),
        });
        message.success("账号已创建，请将初始密码告知使用人，首次登录须修改密码");
      }
      onClose();
    } catch (error) {
      const issues = applyFieldErrors(form, error);
      setFailure(issues.length > 0 ? null : errorText(error));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={editing ? `编辑账号：${user.username}` : "新建工作人员账号"}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" onClick={() => form.submit()} loading={create.isPending || update.isPending}>
            保存
          </Button>
          <Button onClick={onClose}>取消</Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={failure} />}
      <Form<UserValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ role: "provincialRecommender" }}
      >
        <Form.Item
          label="用户名"
          name="username"
          extra={editing ? "用户名创建后不能修改" : "字母、数字、下划线，用于登录"}
          rules={[
            { required: true, whitespace: true, message: "请填写用户名" },
            { pattern: /^[A-Za-z0-9_.-]{3,40}$/, message: "用户名为3–40位字母、数字、下划线、点或连字符" },
          ]}
        >
          <Input disabled={editing} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="姓名或单位名称"
          name="displayName"
          rules={[{ required: true, whitespace: true, message: "请填写姓名或单位名称" }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: "请选择角色" }]}>
          <Select
            disabled={editing}
            options={staffRoles.map((code) => ({ value: code, label: roleNames[code] }))}
          />
        </Form.Item>
        {role && regionalRoles.includes(role) && (
          <Form.Item
            label="所属地区"
            name="regionCode"
            rules={[{ required: true, message: "请选择所属地区" }]}
          >
            <RegionSelect />
          </Form.Item>
        )}
        {role === "industryRecommender" && (
          <Form.Item
            label="行业范围"
            name="industryScope"
            extra="如 工业和信息化部、中国电子学会"
            rules={[{ required: true, whitespace: true, message: "请填写行业范围" }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        )}
        {!editing && (
          <Form.Item
            label="初始密码"
            name="password"
            extra={<PasswordHint value={password} />}
            rules={[
              { required: true, message: "请设置初始密码" },
              checkRule((value) => {
                const result = checkPasswordPolicy(value, { username: form.getFieldValue("username") });
                return result.ok ? null : result.message;
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          label="联系电话"
          name="phone"
          rules={[phoneRule]}
          extra={
            editing && user.phone
              ? `当前：${user.phone}（已脱敏）。留空表示不修改`
              : "手机号码或带区号的固定电话，可不填"
          }
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="电子邮箱" name="email" rules={[emailRule]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
