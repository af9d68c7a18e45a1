import { canManageBatch, type PublicNoticeContacts, type PublicNoticeView, REGIONS } from "@linxuan/domain";
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import type { KindCode, StaffBatchSummary } from "../../app/api-types";
import { actorOf, useSession } from "../../app/session";
import { dayjs, inShanghai, wallClockToInstant } from "../../shared/dates";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import { isApiError } from "../../shared/http";
import { kindLabel, regionLabel } from "../../shared/labels";
import { useStaffBatches } from "../batches/queries";
import { PublicNoticeDocument } from "./public-notice-document";
import { periodText } from "./public-notice-period";
import {
  type CreatePublicNoticeInput,
  useCreatePublicNotice,
  usePreviewPublicNotice,
  usePublicNotices,
} from "./queries";
import type { PublicNotice } from "./types";

type Values = PublicNoticeContacts & {
  batchId: string;
  kind: KindCode;
  regionCode?: string;
  startsAt: Dayjs;
  title?: string;
};

/**
 * A batch this office may publish notices for: its own batches, and — where the batch leaves the
 * training list to the provinces (national batch: 属地省级人力资源社会保障部门同步公示) — the
 * provincial office's own region's training list of a national batch.
 */
export type ManagedBatch = StaffBatchSummary & { localTrainingOnly: boolean };

/** The published batches this office may publish notices for. */
export function useManagedBatches() {
  const { data: user } = useSession();
  const batches = useStaffBatches();
  const managed: ManagedBatch[] = [];
  for (const batch of batches.data ?? []) {
    if (batch.status !== "published" || !user) continue;
    if (canManageBatch(actorOf(user), batch.scope)) managed.push({ ...batch, localTrainingOnly: false });
    else if (
      user.role === "provincialOffice" &&
      batch.scope.level === "national" &&
      batch.catalogPublisher?.training === "provincial" &&
      batch.kinds.includes("training")
    )
      managed.push({ ...batch, localTrainingOnly: true });
  }
  return { batches, managed, regionCode: user?.regionCode ?? null };
}

/**
 * Who signs a batch's notice by default: the body that issued the batch — for the national batch
 * its office (工程指导协调小组办公室将拟列入目录的评价机构面向社会公示); a province publishing its
 * local list of a national batch signs it itself, so the office types its own name.
 */
function defaultIssuingBody(batch: ManagedBatch | undefined): string | undefined {
  if (!batch || batch.localTrainingOnly) return undefined;
  if (batch.scope.level === "national" && !batch.issuingBody.endsWith("办公室"))
    return `${batch.issuingBody}办公室`;
  return batch.issuingBody;
}

function Failure({ error }: { error: unknown }) {
  if (isApiError(error, "CALENDAR_YEAR_UNKNOWN")) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title="无法计算公示截止时间"
        description={
          <>
            <div>{error.message}</div>
            <div>可另选开始时间，或待系统管理员在“工作日历”中补充该年度安排后再发布。</div>
          </>
        }
      />
    );
  }
  return <Alert type="error" showIcon role="alert" title={errorText(error)} />;
}

/**
 * 发布公示: batch, kind, (training) region, start, 落款 and where objections go; the server counts
 * the end in working days. The office first sees the public page exactly as it will appear (the
 * same component) and publishes from that dialog.
 */
export function CreatePublicNoticeCard() {
  const [form] = Form.useForm<Values>();
  const { batches, managed, regionCode: ownRegion } = useManagedBatches();
  const create = useCreatePublicNotice();
  const publicNotices = usePublicNotices();
  const preview = usePreviewPublicNotice();
  const [created, setCreated] = useState<PublicNotice | null>(null);
  const [pending, setPending] = useState<{
    input: CreatePublicNoticeInput;
    publicNotice: PublicNoticeView;
  } | null>(null);
  const batchId = Form.useWatch("batchId", form);
  const kind = Form.useWatch("kind", form);
  const batch: ManagedBatch | undefined = managed.find((item) => item.id === batchId);
  const regionOf = (item: ManagedBatch | undefined) =>
    item?.scope.level === "region" ? item.scope.regionCode : item?.localTrainingOnly ? ownRegion : null;
  const kindsOf = (item: ManagedBatch | undefined): KindCode[] =>
    item?.localTrainingOnly ? ["training"] : (item?.kinds ?? []);
  const fixedRegion = regionOf(batch);

  const pickBatch = (id: string) => {
    const next = managed.find((item) => item.id === id);
    const kinds = kindsOf(next);
    // The contacts stay those of this office's latest notice of the batch, until it changes them.
    const last = (publicNotices.data ?? []).find(
      (publicNotice) =>
        publicNotice.batchId === id &&
        publicNotice.regionCode === regionOf(next) &&
        publicNotice.contactAddress,
    );
    form.setFieldsValue({
      kind: kinds.length === 1 ? kinds[0] : undefined,
      regionCode: regionOf(next) ?? undefined,
      issuingBody: last?.issuingBody ?? defaultIssuingBody(next) ?? form.getFieldValue("issuingBody"),
      ...(last
        ? {
            contactAddress: last.contactAddress ?? undefined,
            contactPhone: last.contactPhone ?? undefined,
            contactEmail: last.contactEmail ?? undefined,
          }
        : {}),
    });
  };

  const submit = (values: Values) => {
    setCreated(null);
    create.reset();
    const input: CreatePublicNoticeInput = {
      batchId: values.batchId,
      kind: values.kind,
      regionCode: values.kind === "training" ? (values.regionCode ?? null) : null,
      startsAt: wallClockToInstant(values.startsAt) ?? "",
      issuingBody: values.issuingBody,
      contactAddress: values.contactAddress,
      contactPhone: values.contactPhone,
      contactEmail: values.contactEmail,
      ...(values.title?.trim() ? { title: values.title.trim() } : {}),
    };
    preview.mutate(input, {
      onSuccess: (publicNotice) => setPending({ input, publicNotice }),
      onError: (error) => applyFieldErrors(form, error),
    });
  };

  const publish = () => {
    if (!pending) return;
    create.mutate(pending.input, {
      onSuccess: (publicNotice) => {
        setPending(null);
        setCreated(publicNotice);
        form.resetFields();
      },
      onError: (error) => {
        setPending(null);
        applyFieldErrors(form, error);
      },
    });
  };

  const today = inShanghai().format("YYYY-MM-DD");
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>发布公示</h2>} style={{ marginBottom: 16 }}>
      {created && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已发布：${created.title}`}
          description={
            <Space direction="vertical" size={4}>
              <span>
                公示期：<strong>{periodText(created)}</strong>
                （截止时间由系统按工作日历计算）；名单 {created.items.length} 家。
              </span>
              <Space>
                <Link to={`/workbench/public-notices/${created.id}`}>管理该公示</Link>
                <Link to={`/public-notices/${created.id}`} target="_blank">
                  查看公开页面
                </Link>
              </Space>
            </Space>
          }
        />
      )}
      {(create.isError || preview.isError) && (
        <div style={{ marginBottom: 16 }}>
          <Failure error={create.error ?? preview.error} />
        </div>
      )}
      <Modal
        open={pending !== null}
        title="发布前预览：公示公开页面"
        width={1040}
        onCancel={() => setPending(null)}
        footer={[
          <Button key="back" onClick={() => setPending(null)}>
            返回修改
          </Button>,
          <Button key="publish" type="primary" loading={create.isPending} onClick={publish}>
            确认发布
          </Button>,
        ]}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="以下为公示发布后公开页面的内容。确认发布后即向社会公示，名单中的申报进入公示状态，不能撤回。"
        />
        {pending && <PublicNoticeDocument publicNotice={pending.publicNotice} preview />}
      </Modal>
      <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 640 }}>
        <Form.Item name="batchId" label="遴选批次" rules={[{ required: true, message: "请选择遴选批次" }]}>
          <Select
            loading={batches.isPending}
            placeholder="选择已发布的遴选批次"
            onChange={pickBatch}
            options={managed.map((item) => ({ value: item.id, label: item.title }))}
            notFoundContent="没有可发布公示的批次"
          />
        </Form.Item>
        <Form.Item name="kind" label="机构类型" rules={[{ required: true, message: "请选择机构类型" }]}>
          <Radio.Group options={kindsOf(batch).map((code) => ({ value: code, label: kindLabel(code) }))} />
        </Form.Item>
        {kind === "training" && (
          <Form.Item
            name="regionCode"
            label="地区"
            extra={
              batch?.localTrainingOnly
                ? "本批次的培训机构名单由属地省级人力资源社会保障部门公示，您可发布本地区的培训机构名单；评价机构名单由工程指导协调小组办公室公示。"
                : "培训机构按属地分地区公示。"
            }
            rules={[{ required: true, message: "请选择地区" }]}
          >
            <Select
              disabled={fixedRegion !== null}
              showSearch={{ optionFilterProp: "label" }}
              placeholder="选择省级地区"
              options={REGIONS.map((region) => ({ value: region.code, label: regionLabel(region.code) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="startsAt"
          label="公示开始时间（北京时间）"
          extra="截止时间按工作日自动计算：自开始之日起第N个工作日的24时，跳过周末和法定节假日，含调休上班日。"
          rules={[{ required: true, message: "请选择公示开始时间" }]}
        >
          <DatePicker
            showTime={{ format: "HH:mm" }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: 240 }}
            disabledDate={(day) => day.isBefore(dayjs(today), "day")}
            placeholder="选择日期和时间"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="公示标题（可不填）"
          extra="不填时按“批次简称＋拟纳入目录的地区机构类型名单公示”生成。"
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="issuingBody"
          label="发布单位（落款）"
          extra="印在公示末尾，与发布日期一起作为落款。"
          rules={[{ required: true, message: "请填写发布单位（落款）" }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="contactAddress"
          label="受理异议的通讯地址"
          rules={[{ required: true, message: "请填写受理异议的通讯地址" }]}
        >
          <Input maxLength={120} placeholder="如 上海市黄浦区南京西路1号" />
        </Form.Item>
        <Space wrap size={16} align="start">
          <Form.Item
            name="contactPhone"
            label="受理异议的联系电话"
            rules={[{ required: true, message: "请填写受理异议的联系电话" }]}
          >
            <Input maxLength={30} placeholder="如 021-62345678" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item
            name="contactEmail"
            label="受理异议的电子邮箱"
            rules={[{ required: true, message: "请填写受理异议的电子邮箱" }]}
          >
            <Input maxLength={254} placeholder="如 gongshi@example.gov.cn" style={{ width: 280 }} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={preview.isPending}>
          预览并发布公示
        </Button>
      </Form>
    </Card>
  );
}
