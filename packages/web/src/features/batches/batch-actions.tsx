import { App } from "antd";
import { useNavigate } from "react-router";
import { errorText } from "../../shared/form-errors";
import { isApiError } from "../../shared/http";
import { useCloneBatch, usePublishBatch } from "./queries";
import { sectionOfPath } from "./sections";

/** 复制为新批次 and 发布, with their confirmations and outcomes, shared by the list and the batch page. */
export function useBatchActions() {
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const clone = useCloneBatch();
  const publish = usePublishBatch();

  const cloneBatch = (id: string) =>
    clone.mutate(id, {
      onSuccess: (batch) => {
        message.success(`已复制为新的草稿批次“${batch.definition.shortTitle}”，请修改后发布`);
        navigate(`/workbench/batches/${batch.id}?tab=edit`);
      },
      onError: (error) => message.error(errorText(error)),
    });

  const publishBatch = (id: string, title: string) =>
    modal.confirm({
      title: "确认发布该批次？",
      content: `发布后，“${title}”将在门户网站公开，申报单位可以查看通知并下载申报表；已发布的批次不能再编辑。`,
      okText: "确认发布",
      cancelText: "取消",
      onOk: () =>
        publish.mutateAsync(id).then(
          (batch) => {
            modal.success({
              title: "批次已发布",
              content: `“${batch.definition.title}”已于门户网站公开。`,
              okText: "知道了",
            });
          },
          (error) => {
            modal.error({
              title: "发布失败",
              content: <IssueList error={error} />,
              okText: "知道了",
              width: 560,
            });
          },
        ),
    });

  return { cloneBatch, publishBatch, cloning: clone.isPending, publishing: publish.isPending };
}

/** The server's message and, for an invalid batch, each problem with the section it is in. */
export function IssueList({ error }: { error: unknown }) {
  const fields = isApiError(error) ? error.fields : [];
  return (
    <div>
      <p>{errorText(error)}</p>
      {fields.length > 0 && (
        <ul style={{ paddingInlineStart: 20, margin: 0 }}>
          {fields.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              【{sectionOfPath(issue.path).title}】{issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
