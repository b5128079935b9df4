import path from "node:path";
import { z } from "zod";

/** "https://example.it" or "http://localhost:3000/": scheme, host and port, nothing else. */
function isOrigin(text: string): boolean {
  if (!URL.canParse(text) || /[?#]/.test(text)) return false;
  const url = new URL(text);
  return (
    (url.protocol === "http:" || url.protocol === "https:") &&
    url.pathname === "/" &&
    !url.username &&
    !url.password
  );
}

/** An unset variable and an empty one (as an EnvironmentFile may write it) mean the same. */
const optionalText = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

const REMINDER_DAYS_MESSAGE =
  "deve essere un elenco di giorni separati da virgole, da 0 a 365, es. 30,7,1";

const EnvSchema = z
  .object({
    CRUSCOTTO_DATA_DIR: z.string().min(1).default("data"),
    /** Pretend today is this date ("YYYY-MM-DD"): for demos and tests of deadline statuses. */
    CRUSCOTTO_TODAY: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "deve essere una data AAAA-MM-GG")
      .optional(),
    CRUSCOTTO_AT_RISK_DAYS: z.coerce.number().int().min(0).max(365).default(30),
    CRUSCOTTO_SESSION_SECRET: z.string().min(32, "deve avere almeno 32 caratteri").optional(),
    CRUSCOTTO_COOKIE_SECURE: z.enum(["true", "false"]).optional(),
    CRUSCOTTO_UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(25),
    /** Tests only: lets the automatic site checks reach loopback and private addresses. */
    CRUSCOTTO_SITE_CHECK_ALLOW_PRIVATE: z.enum(["true", "false"]).default("false"),
    PORT: z.coerce
      .number()
      .int("deve essere un numero intero")
      .min(1, "deve essere tra 1 e 65535")
      .max(65535, "deve essere tra 1 e 65535")
      .default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    /** Where users reach the app: the origin of every absolute URL it writes, never the Host header. */
    CRUSCOTTO_PUBLIC_URL: z
      .string()
      .refine(
        isOrigin,
        "deve essere un indirizzo http:// o https:// senza percorso, es. https://cruscotto.comune.it",
      )
      .optional(),
    NODE_ENV: z.string().default("development"),
    /** Days before each deadline when its reminder goes out (e-mail and calendar alarms). */
    CRUSCOTTO_REMINDER_DAYS: z
      .string()
      .default("30,7,1")
      .refine(
        (v) =>
          v.trim() === "" ||
          v.split(",").every((d) => /^\s*\d{1,3}\s*$/.test(d) && Number(d) <= 365),
        REMINDER_DAYS_MESSAGE,
      ),
    /** smtp://user:password@host:port or smtps://...; or the host and the rest one by one. */
    CRUSCOTTO_SMTP_URL: optionalText.refine(
      (v) => v === undefined || (URL.canParse(v) && /^smtps?:$/.test(new URL(v).protocol)),
      "deve essere un indirizzo smtp:// o smtps://, es. smtp://utente:password@mail.comune.it:587",
    ),
    CRUSCOTTO_SMTP_HOST: optionalText,
    CRUSCOTTO_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    CRUSCOTTO_SMTP_USER: optionalText,
    CRUSCOTTO_SMTP_PASSWORD: optionalText,
    /** The sender, "Cruscotto PNRR <cruscotto@comune.it>" or just the address. */
    CRUSCOTTO_SMTP_FROM: optionalText.refine(
      (v) => v === undefined || /[^\s@<>]+@[^\s@<>]+/.test(v),
      "deve contenere un indirizzo e-mail, es. Cruscotto PNRR <cruscotto@comune.it>",
    ),
  })
  .superRefine((env, ctx) => {
    const smtp = env.CRUSCOTTO_SMTP_URL !== undefined || env.CRUSCOTTO_SMTP_HOST !== undefined;
    if (smtp && env.CRUSCOTTO_SMTP_FROM === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["CRUSCOTTO_SMTP_FROM"],
        message:
          "obbligatorio con CRUSCOTTO_SMTP_URL o CRUSCOTTO_SMTP_HOST (il mittente dei promemoria)",
      });
  });

/** Where the reminders are sent from; null when SMTP is not configured (reminders off). */
export type SmtpConfig =
  | { url: string; from: string }
  | {
      host: string;
      port: number;
      /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
      secure: boolean;
      user: string | null;
      password: string | null;
      from: string;
    };

type Env = z.output<typeof EnvSchema>;

function smtpOf(env: Env): SmtpConfig | null {
  const from = env.CRUSCOTTO_SMTP_FROM;
  // The schema requires a sender whenever a server is given.
  if (from === undefined) return null;
  if (env.CRUSCOTTO_SMTP_URL !== undefined) return { url: env.CRUSCOTTO_SMTP_URL, from };
  if (env.CRUSCOTTO_SMTP_HOST === undefined) return null;
  return {
    host: env.CRUSCOTTO_SMTP_HOST,
    port: env.CRUSCOTTO_SMTP_PORT,
    secure: env.CRUSCOTTO_SMTP_PORT === 465,
    user: env.CRUSCOTTO_SMTP_USER ?? null,
    password: env.CRUSCOTTO_SMTP_PASSWORD ?? null,
    from,
  };
}

/** "7, 30,1" → [30, 7, 1]: each day once, the farthest first. */
function reminderDaysOf(text: string): number[] {
  if (text.trim() === "") return [];
  return [...new Set(text.split(",").map(Number))].sort((a, b) => b - a);
}

export interface Config {
  dataDir: string;
  databaseFile: string;
  filesDir: string;
  today: string | undefined;
  atRiskDays: number;
  /** From the environment, or else the file `npm run setup` writes in the data folder. */
  sessionSecret: string | undefined;
  sessionSecretFile: string;
  cookieSecure: boolean;
  uploadMaxBytes: number;
  port: number;
  host: string;
  /** An origin without a trailing slash, e.g. "https://cruscotto.comune.it". */
  publicUrl: string;
  /** False when publicUrl is only the default for this machine. */
  publicUrlConfigured: boolean;
  siteCheckAllowPrivate: boolean;
  production: boolean;
  /** Days before a deadline when it is reminded, farthest first; empty: no reminders. */
  reminderDays: number[];
  smtp: SmtpConfig | null;
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Configurazione non valida:\n${problems.join("\n")}`);
  }
  const dataDir = path.resolve(parsed.data.CRUSCOTTO_DATA_DIR);
  return {
    dataDir,
    databaseFile: path.join(dataDir, "cruscotto.sqlite"),
    filesDir: path.join(dataDir, "files"),
    today: parsed.data.CRUSCOTTO_TODAY,
    atRiskDays: parsed.data.CRUSCOTTO_AT_RISK_DAYS,
    sessionSecret: parsed.data.CRUSCOTTO_SESSION_SECRET,
    sessionSecretFile: path.join(dataDir, "session-secret"),
    uploadMaxBytes: Math.round(parsed.data.CRUSCOTTO_UPLOAD_MAX_MB * 1024 * 1024),
    port: parsed.data.PORT,
    siteCheckAllowPrivate: parsed.data.CRUSCOTTO_SITE_CHECK_ALLOW_PRIVATE === "true",
    host: parsed.data.HOST,
    publicUrl: new URL(parsed.data.CRUSCOTTO_PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`)
      .origin,
    publicUrlConfigured: parsed.data.CRUSCOTTO_PUBLIC_URL !== undefined,
    production: parsed.data.NODE_ENV === "production",
    cookieSecure:
      (parsed.data.CRUSCOTTO_COOKIE_SECURE ?? String(parsed.data.NODE_ENV === "production")) ===
      "true",
    reminderDays: reminderDaysOf(parsed.data.CRUSCOTTO_REMINDER_DAYS),
    smtp: smtpOf(parsed.data),
  };
}

/**
 * Checks at server start, beyond the shape of each variable: in production the session
 * secret must exist (in the environment, or the file `npm run setup` writes).
 */
export function startupProblems(config: Config, secretFileExists: boolean): string[] {
  if (config.production && !config.sessionSecret && !secretFileExists)
    return [
      `CRUSCOTTO_SESSION_SECRET: obbligatorio in produzione (oppure il file ${config.sessionSecretFile}, creato da npm run setup)`,
    ];
  return [];
}

export const SMTP_OFF =
  "Promemoria per e-mail disattivati: SMTP non configurato (CRUSCOTTO_SMTP_URL oppure CRUSCOTTO_SMTP_HOST).";

/**
 * Said once at start: what works, but probably not as meant. `smtp` is optional so that a
 * caller holding only the origin's fields still compiles; the server passes the whole config.
 */
export function startupWarnings(
  config: Pick<Config, "production" | "publicUrl" | "publicUrlConfigured"> &
    Partial<Pick<Config, "smtp">>,
): string[] {
  const warnings: string[] = [];
  if (config.production && !config.publicUrlConfigured)
    warnings.push(
      `Attenzione: CRUSCOTTO_PUBLIC_URL non impostato, gli indirizzi assoluti (calendari, dati strutturati) useranno ${config.publicUrl}`,
    );
  if (config.smtp === null) warnings.push(SMTP_OFF);
  return warnings;
}
