export * from "./schema";
export * from "./seeds";
export * from "./quota";
export * from "./validate";
