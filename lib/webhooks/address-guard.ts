import { lookup } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * The SSRF guard of outgoing webhook requests (issue 34): a partner chooses the URL, so without it the
 * portal would POST into its own network (the database, a cloud metadata service at 169.254.169.254).
 * Only public unicast addresses pass, unless private ones are allowed by configuration (tests, dev).
 */

// IANA special-purpose registries: nothing here is a public host a partner's system could live on.
const IPV4_REFUSED: [string, number][] = [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];
const IPV6_REFUSED: [string, number][] = [
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard
  ["2001::", 23], // IETF protocol assignments, Teredo
  ["2001:db8::", 32], // documentation
  ["3fff::", 20], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
];

const refused = new BlockList();
for (const [network, prefix] of IPV4_REFUSED) refused.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of IPV6_REFUSED) refused.addSubnet(network, prefix, "ipv6");

/** The 16 bytes of an IPv6 address (zone and embedded dotted quad allowed), or null. */
function ipv6Bytes(address: string): number[] | null {
  let text = address.replace(/%.*$/, "");
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    if (isIP(quad[1]) !== 4) return null;
    const [a, b, c, d] = quad[1].split(".").map(Number);
    text = text.slice(0, -quad[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = (part: string) => (part ? part.split(":") : []);
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(Math.max(missing, 0)).fill("0"), ...tail];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return all.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

const dotted = (bytes: number[]) => bytes.join(".");

/**
 * The IPv4 address an IPv6 one carries and is routed to: IPv4-mapped (::ffff:a.b.c.d, also written
 * ::ffff:7f00:1), NAT64 (64:ff9b::/96) and 6to4 (2002::/16). "refuse" for the deprecated
 * IPv4-compatible ::/96, which also holds :: and ::1; null when it carries none.
 */
function embeddedIpv4(bytes: number[]): string | "refuse" | null {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return dotted(bytes.slice(12));
  if (zeros(0, 12)) return "refuse";
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12))
    return dotted(bytes.slice(12));
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return dotted(bytes.slice(2, 6));
  return null;
}

/** Whether an IP address (v4 or v6 text) is a public unicast address a webhook may be sent to. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address.replace(/%.*$/, ""));
  if (family === 4) return !refused.check(address, "ipv4");
  if (family !== 6) return false;
  const bytes = ipv6Bytes(address);
  if (!bytes) return false;
  const embedded = embeddedIpv4(bytes);
  if (embedded === "refuse") return false;
  if (embedded) return isPublicAddress(embedded);
  const canonical = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] << 8) | bytes[2 * i + 1]).toString(16)).join(
    ":",
  );
  return !refused.check(canonical, "ipv6");
}

export type ResolvedAddress = { address: string; family: number };
/** Resolves a host name to every address it has (the system resolver, or a test's). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

/** A resolver that does not answer within this is taken as no answer (a form must not hang on it). */
const RESOLVE_TIMEOUT_MS = 5_000;

export const systemResolve: Resolve = (hostname) =>
  Promise.race([
    lookup(hostname, { all: true, verbatim: true }),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("resolution timed out")), RESOLVE_TIMEOUT_MS).unref(),
    ),
  ]);

/** Why a webhook address was refused: said to the partner on the form and in the delivery log. */
export class RefusedAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefusedAddressError";
  }
}

const bare = (hostname: string) => hostname.replace(/^\[(.*)\]$/, "$1");

/**
 * Every address `hostname` stands for, each checked: one private address refuses the whole name
 * (it may be the one a client picks). An IP literal is checked as it is, with no resolution.
 */
export async function checkedAddresses(
  hostname: string,
  { allowPrivate, resolve = systemResolve }: { allowPrivate: boolean; resolve?: Resolve },
): Promise<ResolvedAddress[]> {
  const host = bare(hostname);
  const family = isIP(host);
  let addresses: ResolvedAddress[];
  if (family) addresses = [{ address: host, family }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new RefusedAddressError(`The host ${host} does not resolve.`);
    }
    if (!addresses.length) throw new RefusedAddressError(`The host ${host} does not resolve.`);
  }
  const blocked = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
  if (blocked)
    throw new RefusedAddressError(
      `${host === blocked.address ? host : `${host} (${blocked.address})`} is not a public address: webhooks are sent to the internet only.`,
    );
  return addresses;
}

/**
 * A `lookup` for http(s).request that resolves once, checks what it got and hands exactly those
 * addresses to the socket: the connection goes to an address that was checked, so a DNS answer that
 * changes between the check and the connection (rebinding) cannot reach a private one.
 */
export function guardedLookup(options: { allowPrivate: boolean; resolve?: Resolve }): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    checkedAddresses(hostname, options).then(
      (addresses) => {
        const wanted = lookupOptions.family
          ? addresses.filter((a) => a.family === lookupOptions.family || `IPv${a.family}` === lookupOptions.family)
          : addresses;
        if (lookupOptions.all) callback(null, wanted);
        else if (wanted[0]) callback(null, wanted[0].address, wanted[0].family);
        else callback(new RefusedAddressError(`The host ${hostname} has no address of the family asked for.`), "", 0);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, "", 0),
    );
  };
}
