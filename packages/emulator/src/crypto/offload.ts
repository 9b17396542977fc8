/**
 * The expensive half of a sign-in, off the event loop: RS256 signatures run in libuv's thread pool
 * (`crypto.sign` with a callback) and 3072-bit modular exponentiations in a worker thread of their
 * own, so that the thread serving HTTP carries only parsing, the store and claims. Sign-ins on the
 * hot paths (`USER_PASSWORD_AUTH`, `USER_SRP_AUTH`, token issuing) await these; rarer paths
 * (setting a password) keep the synchronous versions.
 *
 * The worker starts on first use and is `unref`'d: it never keeps a process alive. A crashed worker
 * fails what it had in flight and is replaced on the next call.
 *
 * @module
 */
import { type KeyObject, sign } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

const workerScript = fileURLToPath(new URL("./modpow-worker.mjs", import.meta.url));

interface Pending {
  resolve: (hex: string) => void;
  reject: (err: Error) => void;
}

/** Thrown when the worker could not compute a result (it crashed, or OpenSSL refused the input). */
export class OffloadError extends Error {
  override name = "OffloadError";
}

/** One worker per prime (the emulator has one: SRP's 3072-bit group). */
class ModPowWorker {
  private worker: Worker | undefined;

  constructor(private readonly primeHex: string) {}

  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  private start(): Worker {
    const worker = new Worker(workerScript, { workerData: { prime: this.primeHex } });
    worker.unref();
    worker.on("message", (msg: { id: number; result?: string; error?: string }) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (this.pending.size === 0) worker.unref();
      if (msg.result !== undefined) p.resolve(msg.result);
      else p.reject(new OffloadError(msg.error ?? "modular exponentiation failed"));
    });
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const p of this.pending.values()) p.reject(new OffloadError(err.message, { cause: err }));
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`modexp worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  /** `base^exponent mod prime`, then optionally `(result * multiplier mod prime)^exponent2`, as even-length hex. */
  pow(baseHex: string, exponentHex: string, then?: ModPowThen): Promise<string> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      if (this.pending.size === 0) worker.ref();
      this.pending.set(id, { resolve, reject });
      worker.postMessage(
        then
          ? {
              id,
              base: baseHex,
              exponent: exponentHex,
              multiplier: then.multiplierHex,
              exponent2: then.exponentHex,
            }
          : { id, base: baseHex, exponent: exponentHex },
      );
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}

const workers = new Map<string, ModPowWorker>();

/** A second step chained in the same message: `(first * multiplier mod prime)^exponent mod prime`. */
export interface ModPowThen {
  multiplierHex: string;
  exponentHex: string;
}

/**
 * `base^exponent mod prime` (even-length hex in, hex out) on the prime's worker thread; with `then`,
 * `((base^exponent mod prime) * multiplier mod prime)^exponent2 mod prime` in one round trip. Any
 * base is accepted (OpenSSL's refused ones, 0, 1 and prime - 1, are computed in BigInt).
 */
export function modPowOffThread(
  primeHex: string,
  baseHex: string,
  exponentHex: string,
  then?: ModPowThen,
): Promise<string> {
  let worker = workers.get(primeHex);
  if (!worker) {
    worker = new ModPowWorker(primeHex);
    workers.set(primeHex, worker);
  }
  return worker.pow(baseHex, exponentHex, then);
}

/** RSA-SHA256 signature of `data` in libuv's thread pool. */
export function signOffThread(data: Buffer, key: KeyObject): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    sign("sha256", data, key, (err, signature) => (err ? reject(err) : resolve(signature)));
  });
}

/** Stops the modexp workers (tests, shutdown); the next call starts new ones. */
export async function closeOffloadWorkers(): Promise<void> {
  await Promise.all([...workers.values()].map((w) => w.close()));
}
