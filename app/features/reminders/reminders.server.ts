/**
 * The reminder e-mails of one day: each open deadline, at the configured days before it, to
 * the editors of its comune; each week, an Unione's open deadlines to its coordinators.
 * Deadlines come from the stored assessments and the read model, as on the Scadenze page.
 *
 * Each message is claimed in the `promemoria` table before it is sent: the unique keys let
 * only one run have it, so overlapping runs never send it twice. A failed one keeps its
 * error and is claimed again by the next run while it is still due.
 */
import {
  and,
  asc,
  type Column,
  eq,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Db } from "../../../db/connection";
import {
  comune,
  progetto,
  progettoAssessment,
  promemoria,
  unione,
  utente,
  utenteComune,
} from "../../../db/schema";
import { addDays, daysBetween } from "../../domain/dates";
import type { Policy } from "../../domain/policy";
import type { Config } from "../../infra/config.server";
import type { Mailer, OutgoingMail } from "../../infra/mail.server";
import { refreshAssessments } from "../../models/assessment-index.server";
import { groupBy, loadAssessedProgetti, summarize } from "../../models/progetti.server";
import { type OpenDeadline, openDeadlines } from "../deadlines/open-deadlines";
import { deadlineReminderMail, weeklyDigestMail } from "./messages";
import { reminderThreshold, weekOf } from "./schedule";

/** A claim older than this is a run that died while sending: the message is tried again. */
const STALE_CLAIM_MS = 60 * 60 * 1000;

/** Errors that are the server's or the network's, not one message's: the run stops. */
const UNREACHABLE = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "EAUTH", "ETLS"]);

export interface ReminderFailure {
  to: string;
  subject: string;
  error: string;
}

export interface ReminderReport {
  deadlines: number;
  digests: number;
  failures: ReminderFailure[];
  /** Set when the server could not be reached: what was left is sent by the next run. */
  stoppedBy: string | null;
}

/** What identifies a message: the columns of its kind's unique index. */
type Key =
  | {
      kind: "scadenza";
      recipient: string;
      progettoId: number;
      deadline: OpenDeadline["deadline"]["kind"];
      dueOn: string;
      daysBefore: number;
    }
  | { kind: "riepilogo"; recipient: string; unioneId: number; dueOn: string };

type Assessed = OpenDeadline & { misura: string };

interface Recipient {
  email: string;
  name: string;
}

interface Context {
  db: Db;
  policy: Policy;
  config: Pick<Config, "reminderDays" | "publicUrl">;
  mailer: Mailer;
  /** The clock of the claims (tests may move it). */
  now?: () => Date;
}

/** Claims a message for this run; null when it was sent, or another run is sending it. */
function claim(db: Db, key: Key, now: Date): number | null {
  const at = now.toISOString();
  const inserted = db
    .insert(promemoria)
    .values({ ...key, attemptedAt: at })
    .onConflictDoNothing()
    .returning({ id: promemoria.id })
    .get();
  if (inserted) return inserted.id;
  const sameKey =
    key.kind === "scadenza"
      ? and(
          eq(promemoria.progettoId, key.progettoId),
          eq(promemoria.deadline, key.deadline),
          eq(promemoria.daysBefore, key.daysBefore),
        )
      : undefined;
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  // One statement: of two runs retrying at once, only one matches.
  const retried = db
    .update(promemoria)
    .set({ attemptedAt: at, attempts: sql`${promemoria.attempts} + 1`, error: null })
    .where(
      and(
        eq(promemoria.kind, key.kind),
        eq(promemoria.recipient, key.recipient),
        eq(promemoria.dueOn, key.dueOn),
        sameKey,
        isNull(promemoria.sentAt),
        or(isNotNull(promemoria.error), lt(promemoria.attemptedAt, staleBefore)),
      ),
    )
    .returning({ id: promemoria.id })
    .get();
  return retried?.id ?? null;
}

/** The open deadlines that may be due a reminder: none further than the farthest day. */
function deadlinesWithin(db: Db, policy: Policy, days: number): Assessed[] {
  const { today } = policy;
  const until = addDays(today, days);
  const within = (column: Column) => sql`${column} between ${today} and ${until}`;
  const ids = db
    .select({ id: progettoAssessment.progettoId })
    .from(progettoAssessment)
    .where(
      or(
        within(progettoAssessment.contractDue),
        within(progettoAssessment.completionDue),
        within(progettoAssessment.integrationDue),
      ),
    );
  return assessed(db, policy, inArray(progetto.id, ids), null);
}

/** The open deadlines of the progetti a scope selects, through the read model. */
function assessed(db: Db, policy: Policy, scope: SQL, unioneId: number | null): Assessed[] {
  const progetti = loadAssessedProgetti(db, policy, scope).map(summarize);
  const misure = new Map(progetti.map((p) => [p.id, p.misura]));
  return openDeadlines(progetti, { unioneId, comuneId: null, status: "all" }).map((row) => ({
    ...row,
    misura: misure.get(row.progettoId) ?? "",
  }));
}

function editorsByComune(db: Db, comuneIds: number[]): Map<number, Recipient[]> {
  if (comuneIds.length === 0) return new Map();
  const rows = db
    .select({ comuneId: utenteComune.comuneId, email: utente.email, name: utente.name })
    .from(utente)
    .innerJoin(utenteComune, eq(utenteComune.utenteId, utente.id))
    .where(
      and(
        eq(utente.role, "editor"),
        eq(utente.active, true),
        inArray(utenteComune.comuneId, comuneIds),
      ),
    )
    .orderBy(asc(utente.email))
    .all();
  return groupBy(rows, (r) => r.comuneId);
}

export async function sendReminders({
  db,
  policy,
  config,
  mailer,
  now = () => new Date(),
}: Context): Promise<ReminderReport> {
  refreshAssessments(db);
  const report: ReminderReport = { deadlines: 0, digests: 0, failures: [], stoppedBy: null };
  const { today } = policy;

  /** Sends a claimed message and records how it went; false once the server is unreachable. */
  async function deliver(key: Key, mail: OutgoingMail): Promise<boolean> {
    const id = claim(db, key, now());
    if (id === null) return true;
    try {
      await mailer.send(mail);
      db.update(promemoria)
        .set({ sentAt: now().toISOString(), error: null })
        .where(eq(promemoria.id, id))
        .run();
      if (key.kind === "scadenza") report.deadlines += 1;
      else report.digests += 1;
      return true;
    } catch (error) {
      const { message, code } = error as { message?: string; code?: string };
      const reason = message ?? String(error);
      db.update(promemoria).set({ error: reason }).where(eq(promemoria.id, id)).run();
      report.failures.push({ to: mail.to, subject: mail.subject, error: reason });
      if (code !== undefined && UNREACHABLE.has(code)) {
        report.stoppedBy = reason;
        return false;
      }
      return true;
    }
  }

  // Deadlines, to the editors of each progetto's comune.
  const farthest = Math.max(-1, ...config.reminderDays);
  const due =
    farthest < 0
      ? []
      : deadlinesWithin(db, policy, farthest).flatMap((row) => {
          const daysLeft = daysBetween(today, row.deadline.due);
          const daysBefore = reminderThreshold(daysLeft, config.reminderDays);
          return daysBefore === null ? [] : [{ row, daysLeft, daysBefore }];
        });
  const editors = editorsByComune(db, [...new Set(due.map((d) => d.row.comuneId))]);
  for (const { row, daysLeft, daysBefore } of due) {
    for (const editor of editors.get(row.comuneId) ?? []) {
      const mail = deadlineReminderMail({
        recipientName: editor.name,
        row,
        misura: row.misura,
        today,
        daysLeft,
        reminderDays: config.reminderDays,
        publicUrl: config.publicUrl,
      });
      const key: Key = {
        kind: "scadenza",
        recipient: editor.email,
        progettoId: row.progettoId,
        deadline: row.deadline.kind,
        dueOn: row.deadline.due,
        daysBefore,
      };
      if (!(await deliver(key, { to: editor.email, ...mail }))) return report;
    }
  }

  // Each week, an Unione's open deadlines to its coordinators.
  const coordinators = db
    .select({
      email: utente.email,
      name: utente.name,
      unioneId: unione.id,
      unione: unione.name,
    })
    .from(utente)
    .innerJoin(unione, eq(unione.id, utente.unioneId))
    .where(and(eq(utente.role, "coordinatore"), eq(utente.active, true)))
    .orderBy(asc(unione.id), asc(utente.email))
    .all();
  const week = weekOf(today);
  for (const [unioneId, members] of groupBy(coordinators, (c) => c.unioneId)) {
    const rows = assessed(db, policy, eq(comune.unioneId, unioneId), unioneId);
    if (rows.length === 0) continue;
    for (const c of members) {
      const mail = weeklyDigestMail({
        recipientName: c.name,
        unione: { id: unioneId, name: c.unione },
        rows,
        today,
        publicUrl: config.publicUrl,
      });
      const key: Key = { kind: "riepilogo", recipient: c.email, unioneId, dueOn: week };
      if (!(await deliver(key, { to: c.email, ...mail }))) return report;
    }
  }
  return report;
}
