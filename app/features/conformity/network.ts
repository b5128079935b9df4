/**
 * Which addresses an outgoing check may reach: only globally routable unicast. Everything else
 * (the machine itself, private networks, link-local, multicast, reserved, and tunnels or
 * translators that carry an IPv4 address inside an IPv6 one) is refused. ipaddr.js reads every
 * spelling (::ffff:7f00:1, 2130706433, 0177.0.0.1, 0x7f000001...), so no text pattern is trusted.
 */
import ipaddr from "ipaddr.js";

// IANA global unicast for IPv6; anything outside it (::/8 with the IPv4-compatible ::a.b.c.d,
// 0100::/8 discard...) is not an address a public web site lives on.
const V6_GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR("2000::/3");

/** The address in one canonical form (IPv4-mapped IPv6 written as IPv4), or null if not one. */
export function normalizeAddress(text: string): string | null {
  return parse(text)?.toString() ?? null;
}

function parse(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    // process() turns ::ffff:a.b.c.d into a.b.c.d, so it is judged by IPv4 ranges.
    return ipaddr.process(text);
  } catch {
    return null;
  }
}

export function isGloballyRoutable(text: string): boolean {
  const address = parse(text);
  if (address?.range() !== "unicast") return false;
  // 6to4, Teredo, NAT64 and IPv4-compatible addresses are not "unicast" for ipaddr.js or lie
  // outside 2000::/3: they are refused whatever IPv4 address they carry.
  return address.kind() === "ipv4" || address.match(V6_GLOBAL_UNICAST);
}
