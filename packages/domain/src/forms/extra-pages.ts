import type { FormTemplate } from "./types";

/*
 * 注6 of every official form: 本表可另附页. The form itself lets a list (培训教师, 命题专家) or a
 * narrative go on on an extra page, whatever the batch's notice asks to attach; so the upload slot
 * for it belongs to the form, offered beside the batch's own attachments, never required.
 */

/** The 另附页 upload slot, shaped as a batch's attachment. */
export type FormAttachment = {
  code: "extraPages";
  name: string;
  required: false;
  note: string;
};

/** The note that allows extra pages, as the templates print it. */
export const EXTRA_PAGES_NOTE = "本表可另附页。";

/** The upload slots a form offers of its own: the 另附页 when its notes allow one. */
export function formAttachments(template: FormTemplate): FormAttachment[] {
  const index = template.notes.indexOf(EXTRA_PAGES_NOTE);
  if (index < 0) return [];
  const formName = template.title.endsWith("申报表") ? "申报表" : "推荐表";
  return [
    {
      code: "extraPages",
      name: `${formName}另附页`,
      required: false,
      note: `注${index + 1}：本表可另附页。表中名单（如培训教师）未列全的，其余人员可在另附页中列明`,
    },
  ];
}
