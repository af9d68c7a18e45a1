export * from "./official-form";
