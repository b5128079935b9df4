import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ITALIA_VERSION } from "~/infra/public-assets";

describe("the Bootstrap Italia path", () => {
  it("names the installed version, so the year-long cache never serves an old copy", () => {
    const installed = JSON.parse(
      readFileSync(
        new URL("../../node_modules/bootstrap-italia/package.json", import.meta.url),
        "utf8",
      ),
    ) as { version: string };
    expect(BOOTSTRAP_ITALIA_VERSION).toBe(installed.version);
  });
});
