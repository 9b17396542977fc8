// Worker thread of `offload.ts`: 3072-bit modular exponentiations in OpenSSL, off the event loop.
// The group's prime comes once, as `workerData.prime` (hex); then messages { id, base, exponent }
// (hex) in, { id, result } or { id, error } out.
import { createDiffieHellman } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";

const dh = createDiffieHellman(Buffer.from(workerData.prime, "hex"), 2);

parentPort.on("message", ({ id, base, exponent }) => {
  try {
    dh.setPrivateKey(Buffer.from(exponent, "hex"));
    parentPort.postMessage({ id, result: dh.computeSecret(Buffer.from(base, "hex")).toString("hex") });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
