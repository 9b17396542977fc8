/**
 * Where an IP address is, offline: a small table good enough for local use and tests, not a
 * geolocation database. Loopback and private ranges are "Local network"; the three documentation
 * ranges of RFC 5737 (and RFC 3849 for IPv6) stand for far-apart cities, so tests and demos can
 * sign in "from" Paris and then "from" Sydney by sending `X-Forwarded-For`. Anything else is
 * "Unknown" (no coordinates: impossible travel is never inferred from it).
 *
 * @module
 */
import { BlockList, isIP } from "node:net";

export interface IpLocation {
  city: string;
  country: string;
  timezone: string;
  /** Degrees; absent when the place is not a point on the map. */
  latitude?: number;
  longitude?: number;
}

interface Range {
  cidr: string;
  location: IpLocation;
}

const LOCAL: IpLocation = { city: "Local network", country: "Local network", timezone: "UTC" };
const UNKNOWN: IpLocation = { city: "Unknown", country: "Unknown", timezone: "UTC" };

/** The table, in lookup order. Documented in the emulator's README. */
export const IP_LOCATION_TABLE: readonly Range[] = [
  { cidr: "127.0.0.0/8", location: LOCAL },
  { cidr: "10.0.0.0/8", location: LOCAL },
  { cidr: "172.16.0.0/12", location: LOCAL },
  { cidr: "192.168.0.0/16", location: LOCAL },
  { cidr: "::1/128", location: LOCAL },
  { cidr: "fc00::/7", location: LOCAL },
  {
    cidr: "192.0.2.0/24",
    location: {
      city: "New York",
      country: "United States",
      timezone: "America/New_York",
      latitude: 40.71,
      longitude: -74.01,
    },
  },
  {
    cidr: "198.51.100.0/24",
    location: {
      city: "Paris",
      country: "France",
      timezone: "Europe/Paris",
      latitude: 48.86,
      longitude: 2.35,
    },
  },
  {
    cidr: "203.0.113.0/24",
    location: {
      city: "Sydney",
      country: "Australia",
      timezone: "Australia/Sydney",
      latitude: -33.87,
      longitude: 151.21,
    },
  },
  {
    cidr: "2001:db8::/32",
    location: { city: "Tokyo", country: "Japan", timezone: "Asia/Tokyo", latitude: 35.68, longitude: 139.69 },
  },
];

/** An address as `BlockList` wants it, IPv4-mapped IPv6 (`::ffff:1.2.3.4`) unwrapped. */
export function normalizeIp(ip: string): { address: string; family: "ipv4" | "ipv6" } | undefined {
  const trimmed = ip.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  const version = isIP(trimmed);
  if (version === 0) return undefined;
  return { address: trimmed, family: version === 4 ? "ipv4" : "ipv6" };
}

function blockListOf(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network, prefix] = cidr.split("/");
    const ip = network ? normalizeIp(network) : undefined;
    if (!ip || prefix === undefined) throw new TypeError(`Not a CIDR range: ${cidr}`);
    list.addSubnet(ip.address, Number(prefix), ip.family);
  }
  return list;
}

/** IPv4 as an unsigned 32-bit number (the fast path: no BlockList per lookup). */
function ipv4Number(address: string): number {
  return address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

interface CompiledRange {
  /** IPv4 network and mask, or a BlockList for IPv6. */
  v4?: { network: number; mask: number };
  v6?: BlockList;
}

function compile(cidr: string): CompiledRange {
  const [network, prefix] = cidr.split("/");
  const ip = network ? normalizeIp(network) : undefined;
  if (!ip || prefix === undefined) throw new TypeError(`Not a CIDR range: ${cidr}`);
  if (ip.family === "ipv6") return { v6: blockListOf([cidr]) };
  const bits = Number(prefix);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { v4: { network: (ipv4Number(ip.address) & mask) >>> 0, mask } };
}

function matches(
  range: CompiledRange,
  ip: { address: string; family: "ipv4" | "ipv6" },
  v4?: number,
): boolean {
  if (range.v4) return v4 !== undefined && (v4 & range.v4.mask) >>> 0 === range.v4.network;
  return ip.family === "ipv6" && range.v6 !== undefined && range.v6.check(ip.address, "ipv6");
}

const ranges = IP_LOCATION_TABLE.map((r) => ({ range: compile(r.cidr), location: r.location }));

export function locateIp(ip: string | undefined): IpLocation {
  const normalized = ip ? normalizeIp(ip) : undefined;
  if (!normalized) return UNKNOWN;
  const v4 = normalized.family === "ipv4" ? ipv4Number(normalized.address) : undefined;
  const hit = ranges.find((r) => matches(r.range, normalized, v4));
  return hit ? hit.location : UNKNOWN;
}

const compiledLists = new Map<string, CompiledRange[]>();
const compiledByList = new WeakMap<readonly string[], CompiledRange[]>();
const MAX_COMPILED_LISTS = 256;

/** True when `ip` is in one of the CIDR ranges (the risk configuration's block and skip lists). */
export function ipInRanges(ip: string | undefined, cidrs: readonly string[]): boolean {
  if (cidrs.length === 0 || !ip) return false;
  const normalized = normalizeIp(ip);
  if (!normalized) return false;
  // The configuration's lists are frozen records: compiled once per list.
  let compiled = compiledByList.get(cidrs);
  if (!compiled) {
    const key = cidrs.join(",");
    compiled = compiledLists.get(key);
    if (!compiled) {
      if (compiledLists.size >= MAX_COMPILED_LISTS) compiledLists.clear();
      compiled = cidrs.map(compile);
      compiledLists.set(key, compiled);
    }
    compiledByList.set(cidrs, compiled);
  }
  const v4 = normalized.family === "ipv4" ? ipv4Number(normalized.address) : undefined;
  return compiled.some((range) => matches(range, normalized, v4));
}

/** Great-circle distance in km; undefined when either place has no coordinates. */
export function distanceKm(a: IpLocation, b: IpLocation): number | undefined {
  if (a.latitude === undefined || a.longitude === undefined) return undefined;
  if (b.latitude === undefined || b.longitude === undefined) return undefined;
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The network an address belongs to for "new network" signals: /24 for IPv4, /48 for IPv6. */
export function networkOf(ip: string | undefined): string | undefined {
  const normalized = ip ? normalizeIp(ip) : undefined;
  if (!normalized) return undefined;
  if (normalized.family === "ipv4") return `${normalized.address.split(".").slice(0, 3).join(".")}.0/24`;
  const groups = normalized.address.split(":");
  return `${groups.slice(0, 3).join(":")}::/48`;
}
