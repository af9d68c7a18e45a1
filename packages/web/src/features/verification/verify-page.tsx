import { type ApplicationVerification, parseApplicationNumber } from "@linxuan/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Breadcrumb, Button, Card, Descriptions, Form, Input, Skeleton } from "antd";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { api, isApiError } from "../../shared/http";

/**
 * /verify/:number?v=&c= — what the QR code on a stamped application form opens: whether the copy
 * in hand is a version submitted in the system, and whether a later one supersedes it. A number
 * typed without the QR code's check code is only confirmed to exist.
 */
export function VerifyPage() {
  const { number = "" } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const version = params.get("v");
  const code = params.get("c");
  const parsed = number ? parseApplicationNumber(number) : null;
  const query = useQuery({
    queryKey: ["verify", number, version, code],
    enabled: parsed?.ok === true,
    retry: false,
    queryFn: () =>
      api.get<ApplicationVerification>(`/public/verify/${encodeURIComponent(number)}`, {
        ...(version ? { v: version } : {}),
        ...(code ? { c: code } : {}),
      }),
  });

  return (
    <div style={{ maxWidth: 760, margin: "0 auto" }}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/">首页</Link> }, { title: "申报表核验" }]}
      />
      <h1>申报表核验</h1>
      <p className="lx-muted">
        扫描纸质申报表右上角的二维码，核对其是否为申报单位在本平台提交的版本，以及是否已有更新的版本。
      </p>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          layout="inline"
          onFinish={(values: { number: string }) =>
            navigate(`/verify/${encodeURIComponent(values.number.trim())}`)
          }
        >
          <Form.Item
            name="number"
            label="申报编号"
            initialValue={number}
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  const result = parseApplicationNumber(value ?? "");
                  if (!result.ok) throw new Error(result.message);
                },
              },
            ]}
          >
            <Input placeholder="如 2026T0001230" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              核验
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {parsed && !parsed.ok && <Alert type="error" showIcon title={parsed.message} />}
      {query.isPending && parsed?.ok && <Skeleton active />}
      {query.isError && (
        <Alert
          type="error"
          showIcon
          title={
            isApiError(query.error) && query.error.status === 404
              ? `本平台没有申报编号为${number}的申报`
              : errorText(query.error)
          }
        />
      )}
      {query.data && <VerificationResult answer={query.data} />}
    </div>
  );
}

function VerificationResult({ answer }: { answer: ApplicationVerification }) {
  if (answer.result === "unchecked") {
    return (
      <Alert
        type="info"
        showIcon
        title={`申报编号${answer.number}存在`}
        description="核对纸质申报表的内容，请扫描表上右上角的二维码（二维码中含有该版本的校验码）。"
      />
    );
  }
  if (answer.result === "mismatch" || !answer.copy) {
    return (
      <Alert
        type="error"
        showIcon
        title="核验不一致"
        description={`该申报表的校验码与申报编号${answer.number}在本平台提交的任何版本都不符，请向申报单位核实。`}
      />
    );
  }
  const { copy } = answer;
  const stale = copy.latestVersion > copy.version;
  return (
    <>
      <Alert
        type={stale ? "warning" : "success"}
        showIcon
        style={{ marginBottom: 16 }}
        title={stale ? "核验一致，但已有更新的版本" : "核验一致：这是申报单位提交的最新版本"}
        description={
          stale
            ? `手中的是第${copy.version}版；申报单位已于${formatInstant(copy.latestSubmittedAt)}提交第${copy.latestVersion}版，请以最新版本为准。`
            : undefined
        }
      />
      <Card size="small">
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: "number", label: "申报编号", children: answer.number },
            { key: "institution", label: "申报单位", children: copy.institutionName },
            { key: "batch", label: "遴选批次", children: copy.batchTitle },
            { key: "kind", label: "机构类型", children: copy.kindName },
            { key: "occupation", label: "申报职业", children: copy.occupationName },
            {
              key: "version",
              label: "本表版本",
              children: `第${copy.version}版，${formatInstant(copy.submittedAt)}提交`,
            },
            { key: "status", label: "当前状态", children: copy.statusName },
          ]}
        />
      </Card>
    </>
  );
}
