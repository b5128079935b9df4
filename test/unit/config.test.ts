import { describe, expect, it } from "vitest";
import { readConfig, startupProblems } from "~/config.server";

describe("configuration", () => {
  it("reads defaults and validates each variable with a clear message", () => {
    const config = readConfig({});
    expect(config).toMatchObject({ port: 3000, host: "0.0.0.0", production: false });
    expect(() => readConfig({ PORT: "ottanta" })).toThrow(/PORT/);
    expect(() => readConfig({ PORT: "70000" })).toThrow(/PORT: deve essere tra 1 e 65535/);
    expect(() => readConfig({ CRUSCOTTO_UPLOAD_MAX_MB: "-1" })).toThrow(/CRUSCOTTO_UPLOAD_MAX_MB/);
    expect(() => readConfig({ CRUSCOTTO_SESSION_SECRET: "corto" })).toThrow(
      /CRUSCOTTO_SESSION_SECRET: deve avere almeno 32 caratteri/,
    );
  });

  it("requires a session secret in production, from the environment or the setup file", () => {
    const production = readConfig({ NODE_ENV: "production" });
    expect(startupProblems(production, false)).toEqual([
      expect.stringMatching(/^CRUSCOTTO_SESSION_SECRET: obbligatorio in produzione/),
    ]);
    expect(startupProblems(production, true)).toEqual([]);
    expect(
      startupProblems(
        readConfig({ NODE_ENV: "production", CRUSCOTTO_SESSION_SECRET: "x".repeat(32) }),
        false,
      ),
    ).toEqual([]);
    expect(startupProblems(readConfig({}), false)).toEqual([]);
  });
});
