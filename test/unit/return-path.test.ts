import { describe, expect, it } from "vitest";
import { safeReturnPath } from "~/auth/return-path";

const SITE = "https://cruscotto.comune.it";

describe("safeReturnPath", () => {
  it.each([
    ["/", "/"],
    ["/scadenze", "/scadenze"],
    ["/unioni/3?ordina=importo&verso=desc#tabella", "/unioni/3?ordina=importo&verso=desc#tabella"],
    ["/progetti/1/determine/nuova", "/progetti/1/determine/nuova"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/città?q=sì", "/citt%C3%A0?q=s%C3%AC"],
    ["/a/../b", "/b"],
    ["https://cruscotto.comune.it/scadenze?x=1", "/scadenze?x=1"],
    ["HTTPS://CRUSCOTTO.COMUNE.IT:443/scadenze", "/scadenze"],
    ["scadenze", "/scadenze"],
  ])("keeps %j as %j", (target, expected) => {
    expect(safeReturnPath(target, SITE)).toBe(expected);
  });

  it.each([
    undefined,
    null,
    "",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/scadenze\n",
    "/scadenze\r\nSet-Cookie: x=1",
    "\t//evil.example",
    " //evil.example",
    "/\u0000/evil.example",
    "/\u007f",
    "https://evil.example",
    "https://evil.example/scadenze",
    "http://cruscotto.comune.it/scadenze",
    "https://cruscotto.comune.it:8443/scadenze",
    "https://cruscotto.comune.it.evil.example/",
    "https://cruscotto.comune.it@evil.example/",
    "//cruscotto.comune.it@evil.example",
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/a/../..//evil.example",
    `/${"a".repeat(5000)}`,
  ])("refuses %j", (target) => {
    expect(safeReturnPath(target, SITE)).toBe("/");
  });
});
