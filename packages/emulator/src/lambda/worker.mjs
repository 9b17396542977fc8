// One Lambda execution environment: loads a function's bundle once (its cold start) and runs
// invocations posted by runtime.ts. It runs in a worker thread whose process.env is the
// function's own environment, so functions cannot see each other's variables.
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";

const { bundlePath, handlerName, functionName, functionArn, memoryMb, timeoutMs } = workerData;
const require = createRequire(bundlePath);
let handler;

function load() {
  if (handler) return handler;
  const mod = require(bundlePath);
  const fn = mod[handlerName] ?? mod.default?.[handlerName];
  if (typeof fn !== "function") {
    throw Object.assign(new Error(`${bundlePath} does not export a function "${handlerName}"`), {
      name: "Runtime.HandlerNotFound",
    });
  }
  handler = fn;
  return handler;
}

parentPort.on("message", async ({ id, event, requestId }) => {
  const started = Date.now();
  const context = {
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: functionArn,
    memoryLimitInMB: String(memoryMb),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: "local",
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
  };
  try {
    const result = await load()(event, context);
    parentPort.postMessage({ id, ok: true, result: result === undefined ? null : result });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    parentPort.postMessage({
      id,
      ok: false,
      error: { errorType: e.name || "Error", errorMessage: e.message, stack: e.stack },
    });
  }
});
