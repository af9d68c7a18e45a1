export * from "./can-transition";
export * from "./commands";
export * from "./diff-values";
export * from "./next-action";
export * from "./statuses";
