// Which address a request comes from, for the per-client sign-in limit (docs/decisions/043). The
// socket's peer is the client unless it is a configured reverse proxy (TRUSTED_PROXIES), whose
// X-Forwarded-For is then read from the right: the first address that is not itself a trusted proxy
// is the client. A client that writes X-Forwarded-For itself changes nothing.
import { BlockList, isIP } from "node:net";

export interface TrustedProxies {
  has(address: string): boolean;
}

/** The v4 address inside an IPv4-mapped IPv6 one (`::ffff:127.0.0.1`), so both spellings match. */
export function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/**
 * Parses TRUSTED_PROXIES: `none`, `loopback` (127.0.0.0/8 and ::1), or a comma-separated list of
 * addresses and CIDR ranges (`10.0.0.5, 10.1.0.0/16, loopback`). Throws on an entry it cannot read.
 */
export function parseTrustedProxies(spec: string): TrustedProxies {
  const list = new BlockList();
  for (const raw of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    if (raw === "none") continue;
    if (raw === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      continue;
    }
    const [address, bits] = raw.split("/");
    const family = isIP(address ?? "");
    if (!family) throw new Error(`TRUSTED_PROXIES: "${raw}" is not an IP address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address!, type);
    else {
      const prefix = Number(bits);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) throw new Error(`TRUSTED_PROXIES: "${raw}" has an invalid prefix length`);
      list.addSubnet(address!, prefix, type);
    }
  }
  return {
    has(address: string) {
      const a = normaliseAddress(address);
      const family = isIP(a);
      return family !== 0 && list.check(a, family === 4 ? "ipv4" : "ipv6");
    },
  };
}

/** The client's address: the peer, or — behind trusted proxies only — the first untrusted hop of X-Forwarded-For. */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string {
  const socket = normaliseAddress(peer ?? "");
  if (!socket || !trusted.has(socket)) return socket;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((h) => normaliseAddress(h.trim()))
    .filter((h) => isIP(h) !== 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trusted.has(hops[i]!)) return hops[i]!;
  }
  // Every hop is a trusted proxy (or there is none): the left-most is the closest we know to the client.
  return hops[0] ?? socket;
}
