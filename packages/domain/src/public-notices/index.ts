export * from "./contacts";
export * from "./official-form";
