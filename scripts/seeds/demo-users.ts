/** One demo account per role; the passwords are published in the README, for the demo only. */
import { eq, inArray, notInArray } from "drizzle-orm";
import type { UtenteInput } from "../../app/forms/utente-input";
import { createUtente } from "../../app/models/utenti.server";
import type { Db } from "../../db/connection";
import { comune, unione, utente } from "../../db/schema";
import { SEED_ACTOR } from "./actor";

export const DEMO_ACCOUNTS = [
  {
    email: "admin@cruscotto.example",
    password: "demo-admin-pnrr",
    name: "Amministratrice Demo",
    role: "admin",
  },
  {
    email: "coordinatore@cruscotto.example",
    password: "demo-coordinatore-pnrr",
    name: "Coordinatore Valle del Savio",
    role: "coordinatore",
    unione: "Unione dei Comuni Valle del Savio",
  },
  {
    email: "editor@cruscotto.example",
    password: "demo-editor-pnrr",
    name: "RUP Santa Margherita Ligure",
    role: "editor",
    comuniIstat: ["010054"],
  },
  {
    email: "lettore@cruscotto.example",
    password: "demo-lettore-pnrr",
    name: "Lettore Pisa",
    role: "lettore",
    comuniIstat: ["050026"],
  },
] as const;

/**
 * Why the demo (data and accounts) must not go into this database, or null when it may: a
 * real installation must never get accounts whose passwords are public.
 */
export function demoRefusal(db: Db, production: boolean): string | null {
  if (production)
    return "Dati e account dimostrativi non creati: NODE_ENV=production (il primo amministratore si crea con npm run user:create).";
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  if (db.select({ id: utente.id }).from(utente).where(notInArray(utente.email, emails)).get())
    return "Dati e account dimostrativi non creati: il database ha già utenti reali.";
  return null;
}

export async function seedDemoUsers(db: Db): Promise<string[]> {
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (db.select({ id: utente.id }).from(utente).where(eq(utente.email, account.email)).get())
      continue;
    const unioneId =
      "unione" in account
        ? (db.select({ id: unione.id }).from(unione).where(eq(unione.name, account.unione)).get()
            ?.id ?? null)
        : null;
    const comuneIds =
      "comuniIstat" in account
        ? db
            .select({ id: comune.id })
            .from(comune)
            .where(inArray(comune.codiceIstat, [...account.comuniIstat]))
            .all()
            .map((c) => c.id)
        : [];
    const input: UtenteInput = {
      email: account.email,
      name: account.name,
      role: account.role,
      unioneId,
      comuneIds,
      active: true,
    };
    await createUtente(db, SEED_ACTOR, input, account.password);
    created.push(account.email);
  }
  return created;
}
