export * from "./industries";
export * from "./kinds";
export * from "./levels";
export * from "./occupations";
export * from "./regions";
export * from "./unit-types";
