/** Which addresses the automatic site check may connect to: only globally routable unicast. */
import { describe, expect, it } from "vitest";
import { isGloballyRoutable, normalizeAddress } from "~/features/conformity/network";

describe("addresses the site check may reach", () => {
  it.each([
    // Loopback in every spelling a URL, a redirect or a resolver can produce.
    "127.0.0.1",
    "127.255.0.7",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "0:0:0:0:0:ffff:7f00:1",
    "::127.0.0.1",
    "::7f00:1", // IPv4-compatible (deprecated), what a URL makes of [::127.0.0.1]
    "2130706433",
    "0177.0.0.1",
    "0x7f000001",
    "0x7f.1",
    "127.1",
    "::1",
    // Unspecified: connecting to it reaches the machine itself.
    "0.0.0.0",
    "::",
    "::ffff:0.0.0.0",
    // Link-local, cloud metadata, unique-local, private, carrier-grade NAT.
    "169.254.169.254",
    "fe80::1",
    "fe80::1%eth0",
    "fc00::1",
    "fd12:3456::1",
    "10.0.0.1",
    "::ffff:10.0.0.1",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "::ffff:c0a8:101",
    "100.64.0.1",
    // Multicast, broadcast, reserved, documentation.
    "224.0.0.1",
    "ff02::1",
    "255.255.255.255",
    "240.0.0.1",
    "192.0.2.1",
    "2001:db8::1",
    // Tunnels and translators that carry an IPv4 address inside.
    "2002:7f00:1::1", // 6to4 of 127.0.0.1
    "2002:c0a8:101::1", // 6to4 of 192.168.1.1
    "2001:0:4136:e378:8000:63bf:80ff:fffe", // Teredo, client 127.0.0.1
    "64:ff9b::7f00:1", // NAT64 of 127.0.0.1
    "::ffff:0:7f00:1", // SIIT of 127.0.0.1
    // Not an address at all.
    "localhost",
    "",
    "1.2.3.4.5",
  ])("refuses %s", (address) => {
    expect(isGloballyRoutable(address)).toBe(false);
  });

  it.each([
    "8.8.8.8",
    "193.205.1.1",
    "172.32.0.1",
    "100.128.0.1",
    "::ffff:8.8.8.8",
    "2001:4860:4860::8888",
    "2a00:1450:4002:402::200e",
  ])("allows public %s", (address) => {
    expect(isGloballyRoutable(address)).toBe(true);
  });

  it("writes every spelling of one address the same way", () => {
    for (const spelling of [
      "127.0.0.1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "0:0:0:0:0:ffff:7f00:1",
      "2130706433",
      "0177.0.0.1",
      "0x7f000001",
    ])
      expect(normalizeAddress(spelling), spelling).toBe("127.0.0.1");
    expect(normalizeAddress("0:0:0:0:0:0:0:1")).toBe("::1");
    expect(normalizeAddress("not-an-address")).toBeNull();
  });
});
