import { UploadOutlined } from "@ant-design/icons";
import { Button, Form, Upload, type UploadFile } from "antd";
import { isApiError } from "./http";

const MAX_FILES = 5;
const ALLOWED = /\.(pdf|jpe?g|png)$/i;

/**
 * The platform does not publish its upload limit; it names it in its 413 answer ("超过20MB的大小
 * 限制"). Once a visitor has met it, later choices are checked against it before sending.
 */
let knownLimitMb: number | null = null;

/** Remembers the limit a 413 answer names; returns the answer's message for the file field. */
export function noteUploadRefusal(error: unknown): string | null {
  if (!isApiError(error) || (error.status !== 413 && error.status !== 415)) return null;
  const limit = /(\d+(?:\.\d+)?)\s*MB/i.exec(error.message);
  if (error.status === 413 && limit) knownLimitMb = Number(limit[1]);
  return error.message;
}

function checkFiles(files: UploadFile[] | undefined): string | null {
  const list = files ?? [];
  if (list.length > MAX_FILES) return `证明材料最多上传${MAX_FILES}个文件`;
  for (const file of list) {
    if (!ALLOWED.test(file.name)) return `“${file.name}”不是PDF、JPG或PNG文件`;
    if (knownLimitMb !== null && (file.size ?? 0) > knownLimitMb * 1_048_576)
      return `“${file.name}”超过${knownLimitMb}MB的大小限制`;
  }
  return null;
}

/** Adds the chosen files to a multipart form, each as an `evidence` part. */
export function appendEvidence(form: FormData, files: UploadFile[] | undefined): void {
  for (const file of files ?? []) {
    if (file.originFileObj) form.append("evidence", file.originFileObj, file.name);
  }
}

/** 证明材料: up to five PDF, JPG or PNG files, sent with the form (not uploaded one by one). */
export function EvidenceField({ required = false }: { required?: boolean }) {
  return (
    <Form.Item
      name="evidence"
      label="证明材料"
      valuePropName="fileList"
      getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList}
      extra={`可上传${MAX_FILES}个以内的 PDF、JPG、PNG 文件${knownLimitMb ? `，单个文件不超过${knownLimitMb}MB` : ""}；平台按文件内容识别类型。`}
      rules={[
        { required, type: "array", min: required ? 1 : 0, message: "请上传证明材料" },
        {
          validator: async (_rule, files: UploadFile[] | undefined) => {
            const problem = checkFiles(files);
            if (problem) throw new Error(problem);
          },
        },
      ]}
    >
      <Upload
        multiple
        maxCount={MAX_FILES}
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        beforeUpload={() => false}
      >
        <Button icon={<UploadOutlined />}>选择文件</Button>
      </Upload>
    </Form.Item>
  );
}
