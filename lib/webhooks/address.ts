import { BlockList, isIP } from "node:net";
import { type LookupAddress, lookup as dnsLookup } from "node:dns";

// Where webhook deliveries may go (ADR 11). An admin types the URL, and the server sends to it from
// inside our network: without a check, an endpoint at http://127.0.0.1:54329, http://10.0.0.5 or
// http://169.254.169.254 (cloud metadata) would make Keel reach services no organisation should
// reach. So in production a delivery never goes to the machine itself, a private or link-local
// network, or a reserved range. The URL is checked when it is saved (a literal address, localhost),
// and again at connection time: the name is resolved, and the request is refused if any address it
// resolves to is blocked, so a public name that later points inside (DNS rebinding) is caught too.

/** IANA special-purpose ranges a webhook must not reach (IPv4-mapped IPv6 addresses are checked as IPv4). */
const BLOCKED = new BlockList();
const V4: Array<[string, number]> = [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // shared address space (carrier NAT)
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];
const V6: Array<[string, number]> = [
  ["::", 96], // unspecified, loopback, IPv4-compatible
  ["64:ff9b::", 96], // NAT64 (could reach any IPv4 address, private ones too)
  ["64:ff9b:1::", 48],
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4 (embeds an IPv4 address)
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local
  ["ff00::", 8], // multicast
];
for (const [net, prefix] of V4) BLOCKED.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of V6) BLOCKED.addSubnet(net, prefix, "ipv6");

/** Whether an IP address is one a webhook must not reach; anything that is not an address counts as blocked. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Private and local destinations are refused in production; `KEEL_WEBHOOKS_ALLOW_PRIVATE=1` allows
 * them (a receiver on the same machine or network, and the e2e run's receiver on 127.0.0.1).
 * Development and tests allow them, as they allow http://.
 */
export function webhookPrivateAllowed(): boolean {
  return process.env.NODE_ENV !== "production" || process.env.KEEL_WEBHOOKS_ALLOW_PRIVATE === "1";
}

/** A URL host as an address (IPv6 literals lose their brackets), or null when it is a name. */
function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) === 0 ? null : bare;
}

/**
 * Why a webhook URL may not be used, judged without the network: a literal blocked address or a
 * localhost name. null when it may be saved (a name is checked again when it is resolved).
 */
export function urlDestinationProblem(url: string): string | null {
  let hostname: string;
  try {
    // The WHATWG parser turns 2130706433, 0x7f.1 and 127.1 into 127.0.0.1, so none slips through.
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return null; // not a URL: the URL check reports it
  }
  const address = literalAddress(hostname);
  if (address !== null ? isBlockedAddress(address) : hostname === "localhost" || hostname.endsWith(".localhost")) {
    return "Use a public address: Keel does not send events to this machine or to private networks.";
  }
  return null;
}

export class BlockedDestinationError extends Error {
  constructor(hostname: string, address: string) {
    super(hostname === address ? `Refused: ${address} is a private or local address` : `Refused: ${hostname} resolves to ${address}, a private or local address`);
    this.name = "BlockedDestinationError";
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that resolves the name as usual and refuses the connection when any
 * address it resolves to is blocked: the check happens on the addresses actually connected to.
 */
export function guardedLookup(hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true } as { all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const blocked = addresses.find((a) => isBlockedAddress(a.address));
    if (blocked) return callback(new BlockedDestinationError(hostname, blocked.address), []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0] as LookupAddress;
    callback(null, first.address, first.family);
  });
}

/** The same check for a URL whose host is a literal address (Node connects to those without a lookup). */
export function literalDestinationError(url: URL): BlockedDestinationError | null {
  const address = literalAddress(url.hostname);
  return address !== null && isBlockedAddress(address) ? new BlockedDestinationError(address, address) : null;
}
