import {
  type FormTemplate,
  type FormValues,
  listFields,
  maskIdNumber,
  maskPhone,
  type TableRowValues,
} from "@linxuan/domain";
import type { Cipher } from "../../http/crypto";

const SEALED = "sealed:";

type Transform = (value: string, type: "idNumber" | "phone") => string;

type PersonalFields = {
  scalars: Map<string, "idNumber" | "phone">;
  columns: Map<string, Map<string, "idNumber" | "phone">>;
};

/** Found once per template object (a template version never changes). */
const personalOf = new WeakMap<FormTemplate, PersonalFields>();

/** Keys of the personal-data fields (身份证号, every phone), as scalars and as table columns. */
function personalFields(template: FormTemplate): PersonalFields {
  let found = personalOf.get(template);
  if (!found) {
    found = findPersonalFields(template);
    personalOf.set(template, found);
  }
  return found;
}

function findPersonalFields(template: FormTemplate): PersonalFields {
  const scalars = new Map<string, "idNumber" | "phone">();
  const columns = new Map<string, Map<string, "idNumber" | "phone">>();
  for (const entry of listFields(template)) {
    if (entry.field.type !== "idNumber" && entry.field.type !== "phone") continue;
    if (entry.role === "column" && entry.table) {
      const table = columns.get(entry.table) ?? new Map();
      table.set(entry.key, entry.field.type);
      columns.set(entry.table, table);
    } else {
      scalars.set(entry.key, entry.field.type);
    }
  }
  return { scalars, columns };
}

function mapPersonal(template: FormTemplate, values: FormValues, transform: Transform): FormValues {
  const { scalars, columns } = personalFields(template);
  const result: Record<string, FormValues[string]> = { ...values };
  for (const [key, type] of scalars) {
    const value = result[key];
    if (typeof value === "string" && value !== "") result[key] = transform(value, type);
  }
  for (const [table, cols] of columns) {
    const rows = result[table];
    if (!Array.isArray(rows)) continue;
    result[table] = (rows as TableRowValues[]).map((row) => {
      const copy: TableRowValues = { ...row };
      for (const [key, type] of cols) {
        const value = copy[key];
        if (typeof value === "string" && value !== "") copy[key] = transform(value, type);
      }
      return copy;
    });
  }
  return result;
}

/** Encrypts every ID and phone number before the values are stored (AES-256-GCM). */
export function sealValues(template: FormTemplate, values: FormValues, cipher: Cipher): FormValues {
  return mapPersonal(template, values, (value) =>
    value.startsWith(SEALED) ? value : `${SEALED}${cipher.encrypt(value)}`,
  );
}

/** Decrypts stored values for a reader entitled to see them in full (the applicant itself). */
export function openValues(template: FormTemplate, values: FormValues, cipher: Cipher): FormValues {
  return mapPersonal(template, values, (value) =>
    value.startsWith(SEALED) ? cipher.decrypt(value.slice(SEALED.length)) : value,
  );
}

/** Decrypts and masks: what staff see in lists and exports unless they reveal (audited). */
export function maskValues(template: FormTemplate, values: FormValues, cipher: Cipher): FormValues {
  return mapPersonal(template, values, (value, type) => {
    const plain = value.startsWith(SEALED) ? cipher.decrypt(value.slice(SEALED.length)) : value;
    return type === "idNumber" ? maskIdNumber(plain) : maskPhone(plain);
  });
}

/**
 * Replaces each sealed value by `reseal(ciphertext)`: used to move stored values to a new data key
 * without opening them anywhere else. Values that are not sealed are left as they are.
 */
export function resealValues(
  template: FormTemplate,
  values: FormValues,
  reseal: (ciphertext: string) => string,
): FormValues {
  return mapPersonal(template, values, (value) =>
    value.startsWith(SEALED) ? `${SEALED}${reseal(value.slice(SEALED.length))}` : value,
  );
}

/** The ciphertexts of the sealed values (to check that a data key opens them). */
export function sealedCiphertexts(template: FormTemplate, values: FormValues): string[] {
  const found: string[] = [];
  mapPersonal(template, values, (value) => {
    if (value.startsWith(SEALED)) found.push(value.slice(SEALED.length));
    return value;
  });
  return found;
}
