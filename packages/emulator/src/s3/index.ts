export { corsHeaders, findCorsRule } from "./cors";
export { S3Error, type S3ErrorCode } from "./errors";
export { mountS3, S3_BASE_PATH, type S3Options, s3StoreOf } from "./router";
export { type Bucket, type CorsRule, type ObjectRecord, S3Store } from "./store";
