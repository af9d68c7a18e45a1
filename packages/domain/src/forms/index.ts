import { nationalEvaluationV1 } from "./templates/national-evaluation-v1";
import { nationalTrainingV1 } from "./templates/national-training-v1";
import { shanghaiTrainingV1 } from "./templates/shanghai-training-v1";
import type { FormTemplate } from "./types";

export * from "./applicability";
export * from "./copy-values";
export * from "./extra-pages";
export * from "./fields";
export * from "./options";
export * from "./path-label";
export * from "./sanitize";
export {
  cellLabel,
  type FormSlot,
  listFormSlots,
  rowLabel,
  type ScalarSlot,
  type TableSlot,
} from "./slots";
export type * from "./types";
export * from "./validate-values";
export { nationalEvaluationV1, nationalTrainingV1, shanghaiTrainingV1 };

/** Every form template, by id. A batch names its templates by these ids (`formTemplates`). */
export const FORM_TEMPLATES: Readonly<Record<string, FormTemplate>> = {
  [nationalTrainingV1.id]: nationalTrainingV1,
  [nationalEvaluationV1.id]: nationalEvaluationV1,
  [shanghaiTrainingV1.id]: shanghaiTrainingV1,
};

/** The template with this id, or undefined when no such template exists. */
export function getFormTemplate(id: string): FormTemplate | undefined {
  return Object.hasOwn(FORM_TEMPLATES, id) ? FORM_TEMPLATES[id] : undefined;
}
