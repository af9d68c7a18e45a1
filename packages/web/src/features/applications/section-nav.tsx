import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from "@ant-design/icons";
import type { FormIssue, FormTemplate } from "@linxuan/domain";
import { sectionDomId, sectionIndex, sectionOf } from "./form-model";

type SectionProgress = { key: string; title: string; errors: number; missing: number };

/**
 * Per section: malformed values (draft-mode errors) and what submit would still ask for
 * (required values, the 承诺). A section is complete with neither.
 */
export function sectionProgress(
  template: FormTemplate,
  draftIssues: readonly FormIssue[],
  submitIssues: readonly FormIssue[],
): SectionProgress[] {
  const index = sectionIndex(template);
  const count = (issues: readonly FormIssue[], key: string) =>
    issues.filter((issue) => issue.severity === "error" && sectionOf(index, issue.path) === key).length;
  return template.sections.map((section) => {
    const errors = count(draftIssues, section.key);
    return {
      key: section.key,
      title: section.title,
      errors,
      missing: Math.max(count(submitIssues, section.key) - errors, 0),
    };
  });
}

/** The form's sections with a completion mark each; a click scrolls to the section. */
export function SectionNav({ progress }: { progress: SectionProgress[] }) {
  const done = progress.filter((item) => item.errors === 0 && item.missing === 0).length;
  return (
    <nav className="lx-section-nav" aria-label="申报表各部分填写进度">
      <div className="lx-section-nav-head">
        填写进度&nbsp;<strong>{done}</strong>&nbsp;/&nbsp;{progress.length}
      </div>
      <ol>
        {progress.map((item) => {
          const complete = item.errors === 0 && item.missing === 0;
          const state = item.errors > 0 ? "error" : complete ? "done" : "todo";
          const hint =
            item.errors > 0 ? `${item.errors} 处有误` : complete ? "已完成" : `待填 ${item.missing} 项`;
          return (
            <li key={item.key} className={`lx-section-nav-${state}`}>
              <a
                href={`#${sectionDomId(item.key)}`}
                onClick={(event) => {
                  event.preventDefault();
                  const target = document.getElementById(sectionDomId(item.key));
                  target?.scrollIntoView({ behavior: "smooth", block: "start" });
                  target
                    ?.querySelector<HTMLElement>("input:not([readonly]),textarea,[role=combobox]")
                    ?.focus({
                      preventScroll: true,
                    });
                }}
              >
                {state === "done" ? (
                  <CheckCircleFilled aria-hidden />
                ) : state === "error" ? (
                  <CloseCircleFilled aria-hidden />
                ) : (
                  <MinusCircleOutlined aria-hidden />
                )}
                <span>
                  <span className="lx-section-nav-title">{item.title}</span>
                  <span className="lx-section-nav-hint">{hint}</span>
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
