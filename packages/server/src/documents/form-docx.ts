import type { FormTemplate, FormValues } from "./domain-forms";
import type { FormDocumentOptions } from "./form-pdf";

export async function renderFormDocx(_t: FormTemplate, _v: FormValues | null, _o: FormDocumentOptions = {}): Promise<Buffer> {
  return Buffer.from("");
}
