import { diffValues, type FormTemplate, type FormValues } from "@linxuan/domain";
import { Alert, Button, Modal, Space, Table, Tag, Typography } from "antd";
import { formatInstant } from "../../shared/dates";
import { changedKeys } from "./form-model";
import type { SavedDraft } from "./types";

type Props = {
  template: FormTemplate;
  conflict: SavedDraft | null;
  /** This window's values, and the values it last saved (to tell which differences are its own). */
  mine: FormValues;
  base: FormValues;
  busy: boolean;
  onKeepMine: () => void;
  onUseSaved: () => void;
};

type Row = { path: string; label: string; saved: string; mine: string; changedHere: boolean };

const shown = (text: string) =>
  text === "" ? <span className="lx-muted">（空）</span> : <span className="lx-diff-text">{text}</span>;

/**
 * Two windows (or two people) saved the same draft. Both versions side by side, field by field;
 * the applicant decides, nothing is overwritten without asking.
 */
export function ConflictModal({ template, conflict, mine, base, busy, onKeepMine, onUseSaved }: Props) {
  if (!conflict) return null;
  const mineChanged = changedKeys(base, mine);
  const rows: Row[] = diffValues(template, conflict.values, mine, { maskPersonalData: false }).map(
    (change) => ({
      path: change.path,
      label: change.label,
      saved: change.before,
      mine: change.after,
      changedHere: mineChanged.has(change.path.split(".")[0] ?? ""),
    }),
  );
  const who = conflict.draftSavedBy ? `账号 ${conflict.draftSavedBy} ` : "";

  return (
    <Modal
      open
      width={960}
      closable={false}
      maskClosable={false}
      keyboard={false}
      title="保存冲突：该申报已在其他窗口或由他人保存过"
      footer={
        <Space>
          <Button onClick={onUseSaved} disabled={busy}>
            使用已保存的版本
          </Button>
          <Button type="primary" onClick={onKeepMine} loading={busy}>
            保留我的修改
          </Button>
        </Space>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={`已保存的版本由${who}于 ${formatInstant(conflict.draftSavedAt, true)} 保存（第${conflict.draftRevision}次保存）。`}
        description={
          <>
            本窗口的修改尚未保存，系统没有覆盖任何内容。请对照下表选择：
            <br />
            “保留我的修改”——以已保存的版本为基础，写入本窗口修改过的项目（标有“本窗口已修改”），其他项目保留已保存的内容；
            <br />
            “使用已保存的版本”——放弃本窗口尚未保存的修改，载入已保存的版本。
          </>
        }
      />
      <Table<Row>
        rowKey="path"
        size="small"
        pagination={false}
        scroll={{ y: 420 }}
        dataSource={rows}
        locale={{ emptyText: "两个版本的内容相同" }}
        columns={[
          {
            title: "项目",
            dataIndex: "label",
            width: 240,
            render: (label: string, row) => (
              <Space orientation="vertical" size={2}>
                <span>{label}</span>
                {row.changedHere && <Tag color="blue">本窗口已修改</Tag>}
              </Space>
            ),
          },
          { title: "已保存的版本", dataIndex: "saved", render: shown },
          { title: "我的修改（本窗口）", dataIndex: "mine", render: shown },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0", fontSize: 12 }}>
        共 {rows.length} 处不同。身份证号、电话按您填写的内容完整显示。
      </Typography.Paragraph>
    </Modal>
  );
}
