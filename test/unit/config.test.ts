import { describe, expect, it } from "vitest";
import { readConfig, startupProblems, startupWarnings } from "~/infra/config.server";

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

  it("takes the public origin from CRUSCOTTO_PUBLIC_URL, scheme host and port only", () => {
    expect(readConfig({}).publicUrl).toBe("http://localhost:3000");
    expect(readConfig({ PORT: "8080" }).publicUrl).toBe("http://localhost:8080");
    for (const [given, origin] of [
      ["https://cruscotto.comune.it", "https://cruscotto.comune.it"],
      ["https://Cruscotto.Comune.it/", "https://cruscotto.comune.it"],
      ["https://cruscotto.comune.it:443", "https://cruscotto.comune.it"],
      ["http://127.0.0.1:38575", "http://127.0.0.1:38575"],
    ])
      expect(readConfig({ CRUSCOTTO_PUBLIC_URL: given }).publicUrl).toBe(origin);
    for (const bad of [
      "cruscotto.comune.it",
      "ftp://cruscotto.comune.it",
      "https://cruscotto.comune.it/pnrr",
      "https://cruscotto.comune.it/?x=1",
      "https://cruscotto.comune.it#a",
      "https://utente:segreto@cruscotto.comune.it",
      "",
    ])
      expect(() => readConfig({ CRUSCOTTO_PUBLIC_URL: bad }), bad).toThrow(
        /CRUSCOTTO_PUBLIC_URL: deve essere un indirizzo http/,
      );
  });

  it("warns once in production when the public origin is only the default", () => {
    expect(startupWarnings(readConfig({ NODE_ENV: "production" }))).toEqual([
      expect.stringMatching(/CRUSCOTTO_PUBLIC_URL non impostato.*http:\/\/localhost:3000$/),
    ]);
    expect(
      startupWarnings(
        readConfig({ NODE_ENV: "production", CRUSCOTTO_PUBLIC_URL: "https://cruscotto.comune.it" }),
      ),
    ).toEqual([]);
    expect(startupWarnings(readConfig({}))).toEqual([]);
  });
});
