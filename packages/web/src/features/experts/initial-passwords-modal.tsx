import { Alert, Button, Modal, Table, Typography } from "antd";
import type { InitialAccount } from "./queries";

/**
 * The initial passwords of new expert accounts: the office passes them to the experts, who must
 * change them at first login. A single new account's password is never shown again; an import's
 * stay readable by whoever started it for 7 days, in its job's result (后台任务).
 */
export function InitialPasswordsModal({
  accounts,
  fromImportJob = false,
  onClose,
}: {
  accounts: InitialAccount[] | null;
  fromImportJob?: boolean;
  onClose: () => void;
}) {
  const all = (accounts ?? [])
    .map((item) => `${item.name}\t${item.username}\t${item.initialPassword}`)
    .join("\n");
  return (
    <Modal
      open={accounts !== null}
      title="专家账号初始密码"
      width={680}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          我已妥善记录
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${
          fromImportJob
            ? "初始密码只向发起导入的您显示，关闭后7天内可在“后台任务”中再次查看，之后自动清除。"
            : "初始密码只显示这一次，关闭后无法再次查看。"
        }请复制后通过安全渠道告知专家；专家首次登录须修改密码。`}
      />
      <Table<InitialAccount>
        rowKey="username"
        size="small"
        pagination={false}
        dataSource={accounts ?? []}
        columns={[
          { title: "姓名", dataIndex: "name" },
          { title: "用户名", dataIndex: "username", render: (value: string) => <code>{value}</code> },
          {
            title: "初始密码",
            dataIndex: "initialPassword",
            render: (value: string) => (
              <Typography.Text
                code
                copyable={{ text: value, tooltips: ["复制", "已复制"] }}
                data-testid="initial-password"
              >
                {value}
              </Typography.Text>
            ),
          },
        ]}
      />
      {(accounts?.length ?? 0) > 1 && (
        <Typography.Paragraph
          copyable={{ text: all, tooltips: ["复制全部", "已复制"] }}
          style={{ marginTop: 12 }}
        >
          复制全部账号和密码
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
