/** The AWS JSON 1.1 protocol kit shared by cognito-idp and cognito-identity. */
export { type AwsJsonError, AwsJsonServiceError, serializeAwsJsonError } from "./errors";
export { type AwsJsonService, awsJsonHandler } from "./handler";
export { type AwsJsonOperation, operationKit, parseRequestWith } from "./operation";
