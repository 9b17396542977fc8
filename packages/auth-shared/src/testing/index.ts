/** Test-only helpers: real RS256 tokens with Cognito's claims and a local JWKS server. */
export * from "./jwks-server";
export * from "./keys";
export * from "./test-pool";
export * from "./tokens";
