export * from "./occupation-open";
export * from "./quota";
export * from "./quota-areas";
export * from "./schema";
export * from "./seeds";
export * from "./validate";
