export * from "./quota";
export * from "./schema";
export * from "./seeds";
export * from "./validate";
