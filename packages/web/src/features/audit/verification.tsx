import { FileSearchOutlined, UploadOutlined } from "@ant-design/icons";
import {
  type AuditHeadFile,
  type AuditProblem,
  type AuditVerification,
  auditProblemKinds,
  parseAuditHeadFile,
} from "@linxuan/domain";
import { Alert, Button, Card, Input, Space, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { inShanghai } from "../../shared/dates";

const kindColors: Record<AuditProblem["kind"], string> = {
  edited: "red",
  relinked: "volcano",
  missing: "magenta",
  missingTail: "magenta",
  beyondHead: "orange",
  headMismatch: "orange",
};

/** The outcome of a verification: every problem found, and the head file's check when there was one. */
export function VerificationResult({ result }: { result: AuditVerification }) {
  const checkedAt = inShanghai().format("YYYY年M月D日 HH:mm:ss");
  const head = result.headCheck;
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        title="审计链完整"
        description={
          <>
            <div>
              已校验 {result.checked} 条记录，哈希链连续，未发现篡改或缺失。校验时间：{checkedAt}
            </div>
            {head && <div>{head.message}</div>}
          </>
        }
      />
    );
  }
  const count = result.problems.length + result.omitted;
  return (
    <Alert
      type="error"
      showIcon
      title={count > 0 ? `审计链校验未通过：发现 ${count} 处问题` : "审计链校验未通过：与链头文件不符"}
      description={
        <Space direction="vertical" style={{ width: "100%" }}>
          <span>
            已读取 {result.checked} 条记录（链头记录到第 {result.headSeq} 条），校验时间：{checkedAt}
            。请立即保全数据库备份并报告安全负责人。
          </span>
          {result.problems.length > 0 && (
            <ol aria-label="审计链问题" style={{ margin: 0, paddingLeft: 20 }}>
              {result.problems.map((problem) => (
                <li key={`${problem.kind}-${problem.fromSeq}`} style={{ marginBottom: 4 }}>
                  <Tag color={kindColors[problem.kind]}>{auditProblemKinds[problem.kind]}</Tag>
                  {problem.message}
                </li>
              ))}
            </ol>
          )}
          {result.omitted > 0 && (
            <span>另有 {result.omitted} 处问题未列出，请用 linxuan audit verify 查看。</span>
          )}
          {head && (
            <Typography.Text type={head.ok ? "success" : "danger"} strong>
              {head.message}
            </Typography.Text>
          )}
        </Space>
      }
    />
  );
}

/**
 * 核对审计链头: the administrator chooses (or pastes) a head file exported earlier; the chain is
 * verified and must still hold that event with that hash.
 */
export function HeadFileCheck({
  pending,
  onCheck,
}: {
  pending: boolean;
  onCheck: (head: AuditHeadFile) => void;
}) {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    const parsed = parseAuditHeadFile(text);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    onCheck(parsed.head);
  };
  return (
    <Card title="核对审计链头" size="small" style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: "100%" }}>
        <Typography.Text type="secondary">
          选择此前导出的审计链头文件（或粘贴其内容）：校验整条审计链，并核对链中仍保存着导出时的那一条事件及其哈希，签名须由本平台的数据密钥签发。整表被改写也能发现。
        </Typography.Text>
        <Space>
          <Upload
            accept=".json,application/json"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              void file.text().then((content) => {
                setText(content);
                setFileName(file.name);
                setProblem(null);
              });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>选择链头文件</Button>
          </Upload>
          {fileName && <Typography.Text type="secondary">{fileName}</Typography.Text>}
        </Space>
        <Input.TextArea
          aria-label="链头文件内容"
          placeholder='或粘贴文件内容，如 {"format":"linxuan-audit-head/1", …}'
          autoSize={{ minRows: 3, maxRows: 8 }}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setFileName(null);
          }}
          style={{ fontFamily: "monospace" }}
        />
        {problem && <Alert type="error" showIcon role="alert" title={problem} />}
        <Button icon={<FileSearchOutlined />} loading={pending} disabled={!text.trim()} onClick={submit}>
          校验并核对链头
        </Button>
      </Space>
    </Card>
  );
}
