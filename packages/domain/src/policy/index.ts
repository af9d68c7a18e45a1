export * from "./jurisdiction";
export * from "./permissions";
export * from "./roles";
export * from "./routing";
