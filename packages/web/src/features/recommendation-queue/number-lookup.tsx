import { ScanOutlined } from "@ant-design/icons";
import { parseApplicationNumber } from "@linxuan/domain";
import { Form, Input } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { errorText } from "../../shared/form-errors";
import { api, isApiError } from "../../shared/http";

/**
 * 扫描或输入申报编号: a barcode scanner types the number and presses Enter; the application opens
 * with the paper receipt form. A mistyped number is caught by its check character before asking.
 */
export function NumberLookup({ batchId }: { batchId: string | null }) {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const find = async (input: string) => {
    const parsed = parseApplicationNumber(input);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { id } = await api.get<{ id: string }>(
        `/applications/by-number/${encodeURIComponent(parsed.number)}`,
      );
      const query = new URLSearchParams({ receive: "1", ...(batchId ? { batchId } : {}) });
      navigate(`/workbench/recommendation-queue/${encodeURIComponent(id)}?${query}`);
    } catch (caught) {
      setError(
        isApiError(caught) && caught.status === 404
          ? `未找到申报编号${parsed.number}，或该申报不在本单位的审核范围内`
          : errorText(caught),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form.Item
      label="扫描或输入申报编号"
      validateStatus={error ? "error" : undefined}
      help={error ?? "扫描纸质申报表右上角的申报编号，或手工输入后按回车，打开登记纸质材料"}
      style={{ marginBottom: 0, maxWidth: 420 }}
    >
      <Input.Search
        prefix={<ScanOutlined />}
        placeholder="如 2026T0001230"
        enterButton="查找"
        allowClear
        loading={busy}
        onSearch={(value) => {
          if (value.trim()) void find(value);
        }}
        aria-label="申报编号"
      />
    </Form.Item>
  );
}
