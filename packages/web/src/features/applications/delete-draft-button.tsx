import { App, Button, Popconfirm } from "antd";
import { useNavigate } from "react-router";
import { errorText } from "../../shared/form-errors";
import { useDeleteDraft } from "./queries";
import type { ApplicationSummary } from "./types";

/** 删除草稿, after a confirmation naming what goes: only a draft never submitted can be deleted. */
export function DeleteDraftButton({
  application: item,
  afterDelete,
}: {
  application: Pick<ApplicationSummary, "id" | "batchTitle" | "kindName" | "occupationName">;
  /** Where to go once it is deleted (from the draft's own page). */
  afterDelete?: string;
}) {
  const navigate = useNavigate();
  const remove = useDeleteDraft();
  const { message } = App.useApp();
  return (
    <Popconfirm
      title="删除这份草稿？"
      description={`${item.batchTitle}·${item.kindName}·${item.occupationName}的草稿及其附件将被删除，不能恢复。`}
      okText="删除"
      cancelText="取消"
      okButtonProps={{ danger: true, loading: remove.isPending }}
      onConfirm={() =>
        remove.mutateAsync(item.id).then(
          () => {
            void message.success(`已删除草稿：${item.occupationName}`);
            if (afterDelete) navigate(afterDelete);
          },
          (error: unknown) => void message.error(errorText(error)),
        )
      }
    >
      <Button size="small" danger>
        删除草稿
      </Button>
    </Popconfirm>
  );
}
