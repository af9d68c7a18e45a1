import { App, Button, Card, Input, Space, Typography } from "antd";
import { useState } from "react";
import { AutoAssignCard } from "./auto-assign-card";
import { FailureList } from "./failure-list";
import { ManualAssign } from "./manual-assign";
import { useCsvAssignments } from "./queries";
import { RandomDrawCard } from "./random-draw-card";

/** 自动分配 (a background proposal → confirm), 随机抽取 with its seed, manual pairs and CSV pairs. */
export function AssignmentPanel({ batchId }: { batchId: string }) {
  const csv = useCsvAssignments(batchId);
  const [text, setText] = useState("");
  const { message } = App.useApp();

  const importCsv = async () => {
    try {
      const result = await csv.mutateAsync(text);
      message.success(`已批量分配 ${result.applied} 人次`);
      setText("");
    } catch {
      // Shown under the text box.
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <AutoAssignCard batchId={batchId} />
      <RandomDrawCard batchId={batchId} />
      <ManualAssign batchId={batchId} />
      <Card title="批量分配（CSV）">
        <Typography.Paragraph type="secondary">
          每行一条：申报编号,专家用户名（申报编号见“手工分配”中的申报列表）。全部正确才保存。
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="批量分配内容"
          rows={5}
          value={text}
          placeholder={"申报编号,专家用户名\n2026T0001230,expert01"}
          onChange={(event) => setText(event.target.value)}
        />
        <Button style={{ marginTop: 8 }} disabled={!text.trim()} loading={csv.isPending} onClick={importCsv}>
          批量分配
        </Button>
        <FailureList error={csv.error} />
      </Card>
    </Space>
  );
}
