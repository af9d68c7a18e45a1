import {
  type ApplicationCopyReport,
  applicationStatusNames,
  copyFormValues,
  copySkipReasonNames,
  type FormTemplate,
  type FormValues,
  formValuesSchema,
  getFormTemplate,
  kindName,
  occupationName,
} from "@linxuan/domain";
import type { Db } from "../../db/connection";
import { readJson } from "../../db/json";
import type { Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { findBatchDefinition } from "../batches/definition-cache";
import { findApplicationWithContext } from "./queries";
import { openValues } from "./sealing";

const NOT_FOUND_MESSAGE = "要复制的申报不存在或不属于本单位，请重新选择";

/**
 * 从已有申报复制: the institution's own data from one of its earlier applications (any batch,
 * any template, any status) into the values of the one it starts, read inside the starting
 * transaction. Another institution's application answers 404 like a missing one, so existence
 * does not leak. The source's personal data is opened here only to be sealed again with the new
 * application's values.
 */
export async function copyFromSource(
  trx: Db,
  deps: Pick<Deps, "cipher">,
  input: { institutionId: string; sourceId: string; template: FormTemplate; values: FormValues },
): Promise<{ values: FormValues; report: ApplicationCopyReport }> {
  const found = await findApplicationWithContext(trx, input.sourceId);
  if (!found || found.row.institutionId !== input.institutionId) {
    throw new AppError("COPY_SOURCE_NOT_FOUND", NOT_FOUND_MESSAGE, {
      fields: [{ path: "sourceApplicationId", message: NOT_FOUND_MESSAGE }],
    });
  }
  const { row } = found;
  const sourceTemplate = getFormTemplate(row.templateId);
  if (!sourceTemplate) throw new AppError("INTERNAL_ERROR", `申报表模板 ${row.templateId} 不存在`);
  const batch = await findBatchDefinition(trx, row.batchId, found.batch);
  const sourceValues = openValues(
    sourceTemplate,
    readJson("applications.draft_values", formValuesSchema, row.draftValues),
    deps.cipher,
  );
  const result = copyFormValues(
    { template: sourceTemplate, values: sourceValues },
    { template: input.template, values: input.values },
  );
  const status = row.status as keyof typeof applicationStatusNames;
  return {
    values: result.values,
    report: {
      source: {
        id: row.id,
        batchTitle: batch?.definition.shortTitle ?? "",
        kindName: kindName(row.kind),
        occupationName: occupationName(row.occupation),
        status,
        statusName: applicationStatusNames[status] ?? row.status,
      },
      copied: [...result.copied],
      skipped: result.skipped.map((slot) => ({ ...slot, reasonName: copySkipReasonNames[slot.reason] })),
    },
  };
}
