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
      expect.stringMatching(/^Promemoria per e-mail disattivati/),
    ]);
    expect(
      startupWarnings(
        readConfig({
          NODE_ENV: "production",
          CRUSCOTTO_PUBLIC_URL: "https://cruscotto.comune.it",
          CRUSCOTTO_SMTP_URL: "smtp://mail.comune.it",
          CRUSCOTTO_SMTP_FROM: "cruscotto@comune.it",
        }),
      ),
    ).toEqual([]);
  });

  it("reads the reminder days, soonest last, and refuses what is not a list of days", () => {
    expect(readConfig({}).reminderDays).toEqual([30, 7, 1]);
    expect(readConfig({ CRUSCOTTO_REMINDER_DAYS: " 7, 30,1,7 " }).reminderDays).toEqual([30, 7, 1]);
    expect(readConfig({ CRUSCOTTO_REMINDER_DAYS: "0" }).reminderDays).toEqual([0]);
    expect(readConfig({ CRUSCOTTO_REMINDER_DAYS: "" }).reminderDays).toEqual([]);
    for (const bad of ["trenta", "7;1", "-1", "1.5", "400"])
      expect(() => readConfig({ CRUSCOTTO_REMINDER_DAYS: bad }), bad).toThrow(
        /CRUSCOTTO_REMINDER_DAYS: deve essere un elenco di giorni/,
      );
  });

  it("sends e-mail only when SMTP is configured, with a sender, and says so once at start", () => {
    expect(readConfig({}).smtp).toBeNull();
    expect(readConfig({ CRUSCOTTO_SMTP_URL: "", CRUSCOTTO_SMTP_HOST: "" }).smtp).toBeNull();
    expect(startupWarnings(readConfig({}))).toEqual([
      "Promemoria per e-mail disattivati: SMTP non configurato (CRUSCOTTO_SMTP_URL oppure CRUSCOTTO_SMTP_HOST).",
    ]);
    expect(
      readConfig({
        CRUSCOTTO_SMTP_URL: "smtps://utente:segreto@mail.comune.it",
        CRUSCOTTO_SMTP_FROM: "Cruscotto PNRR <cruscotto@comune.it>",
      }).smtp,
    ).toEqual({
      url: "smtps://utente:segreto@mail.comune.it",
      from: "Cruscotto PNRR <cruscotto@comune.it>",
    });
    expect(
      readConfig({
        CRUSCOTTO_SMTP_HOST: "mail.comune.it",
        CRUSCOTTO_SMTP_USER: "utente",
        CRUSCOTTO_SMTP_PASSWORD: "segreto",
        CRUSCOTTO_SMTP_FROM: "cruscotto@comune.it",
      }).smtp,
    ).toEqual({
      host: "mail.comune.it",
      port: 587,
      secure: false,
      user: "utente",
      password: "segreto",
      from: "cruscotto@comune.it",
    });
    expect(
      readConfig({
        CRUSCOTTO_SMTP_HOST: "mail.comune.it",
        CRUSCOTTO_SMTP_PORT: "465",
        CRUSCOTTO_SMTP_FROM: "cruscotto@comune.it",
      }).smtp,
    ).toMatchObject({ port: 465, secure: true, user: null, password: null });
    expect(() => readConfig({ CRUSCOTTO_SMTP_HOST: "mail.comune.it" })).toThrow(
      /CRUSCOTTO_SMTP_FROM: obbligatorio con CRUSCOTTO_SMTP_URL o CRUSCOTTO_SMTP_HOST/,
    );
    expect(() =>
      readConfig({ CRUSCOTTO_SMTP_URL: "https://mail.comune.it", CRUSCOTTO_SMTP_FROM: "a@b.it" }),
    ).toThrow(/CRUSCOTTO_SMTP_URL: deve essere un indirizzo smtp:\/\/ o smtps:\/\//);
    expect(() =>
      readConfig({ CRUSCOTTO_SMTP_HOST: "mail.comune.it", CRUSCOTTO_SMTP_FROM: "nessuno" }),
    ).toThrow(/CRUSCOTTO_SMTP_FROM: deve contenere un indirizzo e-mail/);
  });
});
