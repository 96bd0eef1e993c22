import "server-only";
// Server-side request forgery: an address a journalist typed must not make the server fetch its
// own internal services (localhost, the cloud's metadata endpoint, the office network). Every
// address a capture connects to — the first, each redirect's, each sub-resource's — is checked
// after DNS resolution, at connection time, so a host that resolves to an internal address (or
// changes its answer between two look-ups) is refused too. CAPTURE_ALLOW_PRIVATE_HOSTS opens
// named hosts (the tests' own localhost server, an intranet) on purpose.
import dns from "node:dns";
import net from "node:net";
import type { LookupFunction } from "node:net";

const blocked = new net.BlockList();
for (const [range, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(range, prefix, "ipv4");
}
for (const [range, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64 (can embed any IPv4 address)
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 23],
  ["2001:db8::", 32],
  ["2002::", 16], // 6to4 (embeds IPv4)
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10],
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(range, prefix, "ipv6");
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:127.0.0.1), if it is one. */
function mappedIpv4(address: string): string | null {
  const m = /^::ffff:(?:0:)?((?:\d{1,3}\.){3}\d{1,3})$/i.exec(address);
  if (m) return m[1]!;
  const hex = /^::ffff:(?:0:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const hi = parseInt(hex[1]!, 16);
    const lo = parseInt(hex[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

/** True for an address on the public Internet. */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const v4 = mappedIpv4(address);
    if (v4) return !blocked.check(v4, "ipv4");
    return !blocked.check(address, "ipv6");
  }
  return !blocked.check(address, "ipv4");
}

export function privateAllowed(hostname: string, allow: readonly string[]): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return allow.includes("*") || allow.includes(host);
}

export class RefusedAddress extends Error {
  readonly code = "EREFUSEDADDRESS";
  constructor(readonly hostname: string) {
    super(`${hostname} is an internal address`);
  }
}

/** Checks a URL's host when it is an IP literal (no DNS look-up happens for those). */
export function assertLiteralHostAllowed(hostname: string, allow: readonly string[]): void {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host) && !isPublicAddress(host) && !privateAllowed(host, allow)) throw new RefusedAddress(host);
}

/** A DNS look-up for http(s).request that refuses internal addresses unless the host is allowed. */
export function guardedLookup(allow: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as dns.LookupAddress[];
      const usable = privateAllowed(hostname, allow) ? list : list.filter((a) => isPublicAddress(a.address));
      if (usable.length === 0) return callback(new RefusedAddress(hostname), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}
