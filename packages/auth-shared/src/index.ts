export * from "./claims";
export * from "./config";
export * from "./errors";
export * from "./guards";
export * from "./verifier";
