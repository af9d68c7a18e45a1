export * from "./validity";
