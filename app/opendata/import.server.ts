/**
 * Imports official open-data rows in one transaction. Official figures go to the official_*
 * columns and the state; what users typed (decreto notification, determine, documents,
 * notes, their own amounts) is never overwritten, so differences stay visible.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Actor, Writer } from "../../db/audit";
import type { Db } from "../../db/connection";
import { avviso, comune, decreto, evento, progetto } from "../../db/schema";
import { misuraByCode, RULES } from "../domain/measures";
import { type OfficialRow, type RowProblem, readOfficialRow } from "../domain/opendata-row";
import { auditedInsert, auditedUpdate } from "../models/audited.server";
import type { RawRecord } from "./read.server";

export interface RowReport extends RowProblem {
  line: number;
}

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  problems: RowReport[];
}

export class ImportRejected extends Error {
  constructor(readonly problems: RowReport[]) {
    super(`${problems.length} righe non leggibili: nessuna modifica al database`);
  }
}

class DryRun extends Error {}

const ACTOR: Actor = { label: "import", userId: null };

/** Reads every row first, so a bad file is refused before the database is touched. */
export async function collectRows(
  records: AsyncIterable<RawRecord>,
  onRow?: (count: number) => void,
): Promise<{ rows: { line: number; row: OfficialRow }[]; problems: RowReport[] }> {
  const rows: { line: number; row: OfficialRow }[] = [];
  const problems: RowReport[] = [];
  const seen = new Map<string, { line: number; signature: string }>();
  let count = 0;
  for await (const record of records) {
    count += 1;
    onRow?.(count);
    if ("problem" in record) {
      problems.push({ line: record.line, ...record.problem });
      continue;
    }
    const result = readOfficialRow(record.values);
    if ("problems" in result) {
      for (const p of result.problems) problems.push({ line: record.line, ...p });
      continue;
    }
    const key = rowKey(result.row);
    const signature = JSON.stringify(result.row);
    const earlier = seen.get(key);
    if (earlier && earlier.signature !== signature) {
      problems.push({
        line: record.line,
        column: "codice_cup",
        reason: `stesso progetto della riga ${earlier.line} con dati diversi`,
      });
      continue;
    }
    if (earlier) continue;
    seen.set(key, { line: record.line, signature });
    rows.push({ line: record.line, row: result.row });
  }
  return { rows, problems };
}

function rowKey(row: OfficialRow): string {
  return row.cup ? `cup:${row.cup}|${row.avviso}` : `ipa:${row.codiceIpa}|${row.avviso}`;
}

export function applyRows(
  db: Db,
  rows: readonly { line: number; row: OfficialRow }[],
  problems: RowReport[],
  options: { skipInvalid: boolean; dryRun: boolean; now?: string },
): ImportSummary {
  if (problems.length > 0 && !options.skipInvalid) throw new ImportRejected(problems);
  const summary: ImportSummary = {
    rows: rows.length + problems.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    problems,
  };
  summary.skipped = new Set(problems.map((p) => p.line)).size;
  const now = options.now ?? new Date().toISOString();
  try {
    db.transaction((tx) => {
      const comuni = new Map(
        tx
          .select({ id: comune.id, istat: comune.codiceIstat })
          .from(comune)
          .all()
          .map((c) => [c.istat, c.id]),
      );
      const avvisi = new Map(
        tx
          .select({ id: avviso.id, title: avviso.title })
          .from(avviso)
          .all()
          .map((a) => [a.title, a.id]),
      );
      for (const { row } of rows) {
        const comuneId = comuni.get(row.codiceIstat) ?? createComune(tx, row, comuni);
        if (row.tipologiaEnte === "Comuni") fillComuneIpa(tx, comuneId, row.codiceIpa);
        const avvisoId = avvisi.get(row.avviso) ?? createAvviso(tx, row, avvisi);
        summary[upsertProgetto(tx, row, comuneId, avvisoId, now)] += 1;
      }
      if (options.dryRun) throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return summary;
}

function createComune(tx: Writer, row: OfficialRow, cache: Map<string, number>): number {
  const created = auditedInsert<{ id: number }>(tx, ACTOR, "comune", comune, {
    name: row.comune,
    codiceIstat: row.codiceIstat,
    provincia: row.provincia,
    regione: row.regione,
  });
  cache.set(row.codiceIstat, created.id);
  return created.id;
}

function fillComuneIpa(tx: Writer, comuneId: number, codiceIpa: string): void {
  tx.update(comune)
    .set({ codiceIpa })
    .where(and(eq(comune.id, comuneId), isNull(comune.codiceIpa)))
    .run();
}

function createAvviso(tx: Writer, row: OfficialRow, cache: Map<string, number>): number {
  const parts = row.avviso.split(" - ").map((p) => p.trim());
  const target = parts.length >= 3 ? (parts[parts.length - 2] ?? null) : null;
  const created = auditedInsert<{ id: number }>(tx, ACTOR, "avviso", avviso, {
    title: row.avviso,
    misura: row.misura,
    target,
    windowLabel: parts.length >= 2 ? parts[parts.length - 1] : null,
    rules: row.misura === "1.4.1" && target === "Comuni" ? RULES.comuni141 : null,
  });
  cache.set(row.avviso, created.id);
  return created.id;
}

const KINDS: Record<string, "comune" | "scuola" | "altro"> = { Comuni: "comune", Scuole: "scuola" };

function upsertProgetto(
  tx: Writer,
  row: OfficialRow,
  comuneId: number,
  avvisoId: number,
  now: string,
) {
  const key = row.cup
    ? and(eq(progetto.cup, row.cup), eq(progetto.avvisoId, avvisoId))
    : and(eq(progetto.beneficiaryIpa, row.codiceIpa), eq(progetto.avvisoId, avvisoId));
  const existing = tx.select().from(progetto).where(key).get();
  const official = {
    officialState: row.state,
    officialStateOn: row.stateOn,
    officialAmountCents: row.amountCents,
    officialDecretoNumber: row.decretoNumber,
    officialDecreeOn: row.decreeOn,
  };
  let id: number;
  let outcome: "created" | "updated" | "unchanged";
  if (!existing) {
    id = auditedInsert<{ id: number }>(tx, ACTOR, "progetto", progetto, {
      comuneId,
      avvisoId,
      misura: row.misura,
      title: `${misuraByCode(row.misura)?.title ?? `Misura ${row.misura}`} - ${row.ente}`,
      cup: row.cup,
      beneficiaryKind: KINDS[row.tipologiaEnte] ?? "altro",
      beneficiaryName: row.ente,
      beneficiaryIpa: row.codiceIpa,
      candidaturaSentOn: row.candidaturaSentOn,
      amountRequestedCents: row.amountCents,
      band: row.band,
      servicesCount: row.servicesCount,
      importedAt: now,
      ...official,
    }).id;
    if (row.decretoNumber && row.decreeOn) {
      tx.insert(decreto)
        .values({
          progettoId: id,
          number: row.decretoNumber,
          decreeOn: row.decreeOn,
          amountCents: row.amountCents,
        })
        .run();
    }
    outcome = "created";
  } else {
    id = existing.id;
    const changed = (Object.keys(official) as (keyof typeof official)[]).some(
      (k) => existing[k] !== official[k],
    );
    if (changed)
      auditedUpdate(tx, ACTOR, "progetto", progetto, id, { ...official, importedAt: now });
    outcome = changed ? "updated" : "unchanged";
  }
  syncStateEvent(tx, id, row);
  return outcome;
}

/** E and R become the erogazione or rinuncia event on the timeline, once. */
function syncStateEvent(tx: Writer, progettoId: number, row: OfficialRow): void {
  if (row.state === "A" || row.stateOn === null) return;
  const kind = row.state === "E" ? "erogazione" : "rinuncia";
  const existing = tx
    .select({ id: evento.id })
    .from(evento)
    .where(
      and(eq(evento.progettoId, progettoId), eq(evento.kind, kind), eq(evento.source, "opendata")),
    )
    .get();
  const values = {
    occurredOn: row.stateOn,
    amountCents: kind === "erogazione" ? row.amountCents : null,
  };
  if (existing) tx.update(evento).set(values).where(eq(evento.id, existing.id)).run();
  else
    tx.insert(evento)
      .values({ progettoId, kind, source: "opendata", ...values })
      .run();
}
