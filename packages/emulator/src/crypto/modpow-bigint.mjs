// `base^exponent mod modulus` by square-and-multiply in BigInt, for the bases OpenSSL refuses as
// public values (0, 1, modulus - 1), where it is trivial. Plain JavaScript: shared by `srp.ts` and
// the modexp worker, which runs without a TypeScript loader.

/**
 * @param {bigint} base
 * @param {bigint} exponent
 * @param {bigint} modulus
 * @returns {bigint}
 */
export function modPowBigInt(base, exponent, modulus) {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}
