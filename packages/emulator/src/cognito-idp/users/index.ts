/**
 * Users of a pool: creation, passwords, codes and their delivery, attribute changes, and the
 * shapes operations answer with; one module per job.
 *
 * @module
 */
export * from "./attribute-values";
export * from "./attributes";
export * from "./client-checks";
export * from "./codes";
export * from "./delete-attributes";
export * from "./messages";
export * from "./new-user";
export * from "./password";
export * from "./views";
