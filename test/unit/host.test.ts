import { describe, expect, it } from "vitest";
import { isValidHost, sameOriginAs } from "~/infra/host.server";

describe("isValidHost", () => {
  it.each([
    "localhost",
    "localhost:3000",
    "127.0.0.1:38575",
    "cruscotto.comune.it",
    "cruscotto.comune.it.",
    "my_app:8080",
    "[::1]",
    "[::1]:3000",
    "xn--citt-5qa.it",
  ])("accepts %j", (host) => {
    expect(isValidHost(host)).toBe(true);
  });

  it.each([
    undefined,
    "",
    "[bad",
    "a b",
    "localhost:99999",
    "localhost:-1",
    "localhost:",
    "evil.example/x",
    "user@evil.example",
    "a,b",
    "[::1",
    "[zz]",
    "città.it",
  ])("refuses %j", (host) => {
    expect(isValidHost(host)).toBe(false);
  });
});

describe("sameOriginAs", () => {
  const site = "https://cruscotto.comune.it";

  it.each([
    ["the configured origin", "https://cruscotto.comune.it", "cruscotto.comune.it"],
    ["the configured origin behind a proxy", "https://cruscotto.comune.it", "127.0.0.1:3000"],
    ["a referer on the site", "https://cruscotto.comune.it/progetti/1?x=1", undefined],
    ["the host the browser addressed", "http://192.168.1.5:3000", "192.168.1.5:3000"],
    ["the default port spelt out", "https://altro.comune.it", "altro.comune.it:443"],
  ])("accepts %s", (_name, source, host) => {
    expect(sameOriginAs(source, site, host)).toBe(true);
  });

  it.each([
    ["no source", undefined, "cruscotto.comune.it"],
    ["an opaque origin", "null", "cruscotto.comune.it"],
    ["garbage", "not a url", "cruscotto.comune.it"],
    ["another site", "https://evil.example", "cruscotto.comune.it"],
    ["the site over http", "http://cruscotto.comune.it", undefined],
    ["another port", "https://cruscotto.comune.it:8443", undefined],
    ["a malformed Host", "http://[bad", "[bad"],
    ["a host with a path", "http://evil.example", "evil.example/x"],
    ["no Host", "https://evil.example", undefined],
  ])("refuses %s", (_name, source, host) => {
    expect(sameOriginAs(source, site, host)).toBe(false);
  });
});
