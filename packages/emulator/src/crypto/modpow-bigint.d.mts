/** `base^exponent mod modulus` in BigInt (for the bases OpenSSL refuses: 0, 1, modulus - 1). */
export function modPowBigInt(base: bigint, exponent: bigint, modulus: bigint): bigint;
