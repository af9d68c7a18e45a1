import type { BatchDefinition } from "./schema";

/** Whether an occupation is open for a kind in a batch, with the reason when it is not. */
export function isOccupationOpen(
  definition: BatchDefinition,
  kind: BatchDefinition["kinds"][number],
  occupation: BatchDefinition["occupations"][number],
): { open: true } | { open: false; reason: string } {
  if (!definition.kinds.includes(kind)) return { open: false, reason: "本批次不接受该类机构申报" };
  if (!definition.occupations.includes(occupation)) return { open: false, reason: "本批次未开放该职业" };
  const exclusion = definition.exclusions.find(
    (item) => item.kind === kind && item.occupation === occupation,
  );
  return exclusion ? { open: false, reason: exclusion.reason } : { open: true };
}
