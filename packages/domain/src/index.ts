export * from "./accounts";
export * from "./batches";
export * from "./calendar";
export * from "./forms";
export * from "./policy";
export * from "./reference";
export * from "./validators";
