import { randomBytes } from "node:crypto";

/**
 * A UUID version 7 (RFC 9562): the creation time in milliseconds in its first 48 bits, then random
 * bits. Its lowercase text sorts by creation time, so a sort key built from it lists newest first
 * with `ScanIndexForward: false`. It tells nothing the item's own `createdAt` does not already.
 */
export function timeOrderedUuid(now: Date = new Date()): string {
  const bytes = randomBytes(16);
  const ms = BigInt(now.getTime());
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70; // version 7
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
