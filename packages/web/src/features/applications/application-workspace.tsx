import { applicantCategoryCodes, type FormTemplate, listTables, validateFormValues } from "@linxuan/domain";
import { Alert, App, Button, Select, Space, Tabs, Tag } from "antd";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { formatInstant, todayInShanghai } from "../../shared/dates";
import { ApiError, isApiError } from "../../shared/http";
import { categoryLabel } from "../../shared/labels";
import { AttachmentsCard } from "./attachments-card";
import { ConflictModal } from "./conflict-modal";
import { DeleteDraftButton } from "./delete-draft-button";
import { DocumentButtons } from "./document-buttons";
import { EligibilityPanel, OutcomeTag } from "./eligibility-panel";
import type { SheetEnv } from "./field-cell";
import { fieldDomId, issuesByPath, rowsOf, slotLabels } from "./form-model";
import { FormSheet } from "./form-sheet";
import { SaveIndicator, StatusAlert, WithdrawButton } from "./page-parts";
import { listProblems, type Problem, problemsFromServer } from "./precheck-model";
import { PrecheckPanel } from "./precheck-panel";
import { type SubmitInput, useSubmitApplication } from "./queries";
import { SectionNav, sectionProgress } from "./section-nav";
import { TableImportModal } from "./table-import-modal";
import type { Application } from "./types";
import { useDraftEditor } from "./use-draft-editor";
import { useJump, type WorkspaceTab } from "./use-jump";
import { VersionsPanel } from "./versions-panel";

const LOCKED = new Set(["occupation"]);
const LEVELS = ["junior", "intermediate", "senior"] as const;

/** The application's whole working area: the form, attachments, eligibility, pre-submit check, versions. */
export function ApplicationWorkspace({
  application,
  template,
}: {
  application: Application;
  template: FormTemplate;
}) {
  const editable = application.permissions.canEdit;
  const editor = useDraftEditor(application, template, editable);
  const submit = useSubmitApplication(application.id);
  const { message } = App.useApp();
  const [tab, setTab] = useState<WorkspaceTab>("form");
  const [importing, setImporting] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const jump = useJump(setTab);

  const values = useDeferredValue(editor.values);
  const today = todayInShanghai();
  const draftIssues = useMemo(
    () => (editable ? validateFormValues(template, values, { today, mode: "draft" }).issues : []),
    [editable, template, values, today],
  );
  // A 另附页 (注6) carries the teachers the list does not name: with one, a short list is no warning.
  const extraPagesAttached = application.attachments.some((file) => file.code === "extraPages");
  const submitIssues = useMemo(
    () =>
      editable
        ? validateFormValues(template, values, { today, mode: "submit", extraPagesAttached }).issues
        : [],
    [editable, template, values, today, extraPagesAttached],
  );
  const labels = useMemo(() => slotLabels(template), [template]);
  const visibleIssues = useMemo(
    () => issuesByPath(draftIssues.filter((issue) => issue.path !== active)),
    [draftIssues, active],
  );
  const categoryNeeded =
    application.applicantCategory !== null ||
    (application.eligibility?.results.some((result) => result.rule === "applicantCategory") ?? false);
  const problems = editable
    ? listProblems({
        template,
        application,
        issues: submitIssues,
        eligibility: editor.eligibility,
        applicantCategoryNeeded: categoryNeeded,
        applicantCategory: editor.applicantCategory,
      })
    : [];
  const errorCount = problems.filter((problem) => problem.severity === "error").length;
  const uploaded = application.batch.requiredAttachments.filter(
    (item) => item.required && application.attachments.some((file) => file.code === item.code),
  ).length;
  const requiredCount = application.batch.requiredAttachments.filter((item) => item.required).length;

  const openImport = useCallback((table: string) => setImporting(table), []);
  const env: SheetEnv = {
    template,
    readOnly: !editable,
    locked: LOCKED,
    levels: LEVELS,
    labels,
    issues: visibleIssues,
    onChange: editor.change,
    onRows: editor.changeRows,
    onImport: editable ? openImport : undefined,
  };

  const unsaved =
    editor.state.status === "conflict"
      ? "存在保存冲突，请先在弹出的窗口中选择保留哪一份内容"
      : editor.state.status === "error"
        ? "有修改尚未保存成功，请先点击“重试”保存"
        : null;

  const onSubmit = async (input: SubmitInput) => {
    setServerProblems([]);
    if (!(await editor.flush())) throw new ApiError(0, "UNSAVED", "有修改尚未保存成功，请先保存后再提交");
    try {
      await submit.mutateAsync(input);
      message.success(application.status === "returned" ? "已重新提交" : "申报已提交");
      window.scrollTo({ top: 0 });
    } catch (error) {
      if (isApiError(error, "APPLICATION_INCOMPLETE"))
        setServerProblems(problemsFromServer(template, error.fields));
      throw error;
    }
  };

  const formPane = (
    <div className="lx-workspace">
      {editable && <SectionNav progress={sectionProgress(template, draftIssues, submitIssues)} />}
      {/* The form saves as it is typed and is submitted from 提交前检查, never by Enter. */}
      <form
        className="lx-workspace-main"
        aria-label={template.title}
        onSubmit={(event) => event.preventDefault()}
        onFocus={(event) =>
          setActive((event.target as HTMLElement).closest<HTMLElement>("[data-path]")?.dataset.path ?? null)
        }
        onBlur={() => setActive(null)}
      >
        <FormSheet env={env} values={editor.values} />
      </form>
    </div>
  );

  return (
    <>
      <StatusAlert application={application} labels={labels} />
      {editor.backup && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={`本机保存有 ${formatInstant(editor.backup.savedAt, true)} 未能保存到服务器的修改`}
          description="可能是上次离开页面时网络中断或登录已过期。恢复后将自动保存；如与服务器上的内容有冲突，会请您选择。"
          action={
            <Space orientation="vertical">
              <Button type="primary" size="small" onClick={editor.restoreBackup}>
                恢复这些修改
              </Button>
              <Button size="small" onClick={editor.discardBackup}>
                丢弃
              </Button>
            </Space>
          }
        />
      )}
      {editor.state.status === "error" && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={`保存失败：${editor.state.message}`}
          description="您输入的内容仍在本页并已暂存在本机浏览器中，不会丢失。系统会自动重试，也可以点击“重试”。"
          action={
            <Button size="small" onClick={() => void editor.retry()}>
              重试
            </Button>
          }
        />
      )}
      <div className="lx-workspace-bar">
        <Space wrap size={16}>
          {editable && <SaveIndicator state={editor.state} onRetry={() => void editor.retry()} />}
          {categoryNeeded && (
            <span id={fieldDomId("applicantCategory")}>
              申报单位类别：
              {editable ? (
                <Select
                  aria-label="申报单位类别"
                  value={editor.applicantCategory ?? undefined}
                  placeholder="请选择"
                  style={{ width: 220 }}
                  options={applicantCategoryCodes.map((code) => ({
                    value: code,
                    label: categoryLabel(code),
                  }))}
                  onChange={(value) => editor.changeCategory(value)}
                />
              ) : (
                <strong>
                  {application.applicantCategory ? categoryLabel(application.applicantCategory) : "—"}
                </strong>
              )}
            </span>
          )}
        </Space>
        <Space wrap>
          <DocumentButtons
            applicationId={application.id}
            version={editable ? undefined : application.versions.at(-1)?.number}
            beforeDownload={editable ? () => editor.flush() : undefined}
          />
          <WithdrawButton application={application} />
          {application.status === "draft" && (
            <DeleteDraftButton
              application={{ ...application, batchTitle: application.batch.shortTitle }}
              afterDelete="/workbench/applications"
            />
          )}
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as WorkspaceTab)}
        items={[
          { key: "form", label: editable ? "填写申报表" : "申报表", children: formPane },
          {
            key: "attachments",
            label: `附件材料（${uploaded}/${requiredCount}）`,
            children: <AttachmentsCard application={application} editable={editable} />,
          },
          {
            key: "eligibility",
            label: (
              <span>
                资格条件 {editor.eligibility && <OutcomeTag outcome={editor.eligibility.outcome} />}
              </span>
            ),
            children: <EligibilityPanel eligibility={editor.eligibility} />,
          },
          ...(editable
            ? [
                {
                  key: "precheck",
                  label: (
                    <span>
                      提交前检查{" "}
                      {errorCount > 0 ? (
                        <Tag color="red">{errorCount} 项待处理</Tag>
                      ) : (
                        <Tag color="green">可提交</Tag>
                      )}
                    </span>
                  ),
                  children: (
                    <PrecheckPanel
                      application={application}
                      problems={problems}
                      serverProblems={serverProblems}
                      unsaved={unsaved}
                      submitting={submit.isPending}
                      onJump={jump}
                      onSubmit={onSubmit}
                    />
                  ),
                },
              ]
            : []),
          {
            key: "versions",
            label: `版本记录（${application.versions.length}）`,
            children: <VersionsPanel application={application} env={env} />,
          },
        ]}
      />
      <ConflictModal
        template={template}
        conflict={editor.conflict}
        mine={editor.values}
        base={editor.savedValues()}
        busy={editor.state.status === "saving"}
        onKeepMine={() => void editor.keepMyChanges()}
        onUseSaved={editor.takeSavedVersion}
      />
      <TableImportModal
        templateId={template.id}
        table={listTables(template).find((table) => table.key === importing) ?? null}
        currentRows={importing ? rowsOf(editor.values, importing) : []}
        onClose={() => setImporting(null)}
        onApply={(rows) => importing && editor.changeRows(importing, rows)}
      />
    </>
  );
}
