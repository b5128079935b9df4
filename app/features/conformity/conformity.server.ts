/** A progetto's conformity checklist: what the user set, and the automatic checks' evidence. */
import { desc, eq, inArray } from "drizzle-orm";
import type { Actor } from "../../../db/audit";
import type { Db } from "../../../db/connection";
import { conformita, progetto, servizioUrl, verificaSito } from "../../../db/schema";
import {
  type ChecklistItem,
  type ConformityStatus,
  checklistItems,
  criterionSubject,
  itemKey,
  readiness,
} from "../../domain/conformity";
import { servizioById } from "../../domain/services";
import type { ChecklistInput } from "../../forms/conformity-input";
import { auditedInsert, auditedUpdate } from "../../models/audited.server";
import type { CheckResult } from "./site-analysis";

/** The criteria a user has set for a progetto, by item key. */
function storedItems(db: Pick<Db, "select">, progettoId: number) {
  return new Map(
    db
      .select()
      .from(conformita)
      .where(eq(conformita.progettoId, progettoId))
      .all()
      .map((row) => [itemKey(row), row]),
  );
}

export function loadChecklist(db: Db, progettoId: number, services: readonly number[]) {
  const items = checklistItems(services);
  const stored = storedItems(db, progettoId);
  // The latest automatic result per criterion.
  const evidence = new Map<string, typeof verificaSito.$inferSelect>();
  for (const row of db
    .select()
    .from(verificaSito)
    .where(eq(verificaSito.progettoId, progettoId))
    .orderBy(desc(verificaSito.checkedAt), desc(verificaSito.id))
    .all())
    if (!evidence.has(row.criterion)) evidence.set(row.criterion, row);
  const p = db
    .select({
      siteUrl: progetto.siteUrl,
      servicesUrl: progetto.servicesUrl,
      testCredentialsSupplied: progetto.testCredentialsSupplied,
    })
    .from(progetto)
    .where(eq(progetto.id, progettoId))
    .get();
  const urls = new Map(
    db
      .select()
      .from(servizioUrl)
      .where(eq(servizioUrl.progettoId, progettoId))
      .all()
      .map((u) => [u.servizioId, u.url]),
  );
  const statuses = new Map<string, ConformityStatus>();
  const rows = items.map((item) => {
    const key = itemKey(item);
    const row = stored.get(key);
    statuses.set(key, row?.status ?? "da-verificare");
    const automatic =
      item.servizioId === null || item.criterion === "C.SE.1.1"
        ? (evidence.get(item.criterion) ?? null)
        : null;
    return {
      key,
      criterion: item.criterion,
      subject: criterionSubject(item.criterion),
      servizio: item.servizioId === null ? null : servizioById(item.servizioId).name,
      status: row?.status ?? ("da-verificare" as ConformityStatus),
      note: row?.note ?? null,
      evidenceUrl: row?.evidenceUrl ?? null,
      setBy: row?.setBy ?? null,
      setAt: row?.setAt ?? null,
      automatic: automatic
        ? { outcome: automatic.outcome, detail: automatic.detail, checkedAt: automatic.checkedAt }
        : null,
    };
  });
  return {
    siteUrl: p?.siteUrl ?? null,
    servicesUrl: p?.servicesUrl ?? null,
    testCredentialsSupplied: p?.testCredentialsSupplied ?? false,
    services: services.map((id) => ({
      id,
      name: servizioById(id).name,
      url: urls.get(id) ?? null,
    })),
    items: rows,
    readiness: readiness(items, statuses),
  };
}

/** Saves what changed; a criterion's "who and when" moves only when its values do. */
export function saveChecklist(
  db: Db,
  actor: Actor,
  progettoId: number,
  items: readonly ChecklistItem[],
  input: ChecklistInput,
  now = new Date().toISOString(),
): void {
  db.transaction((tx) => {
    auditedUpdate(tx, actor, "progetto", progetto, progettoId, {
      siteUrl: input.siteUrl,
      servicesUrl: input.servicesUrl,
      testCredentialsSupplied: input.testCredentialsSupplied,
    });
    tx.delete(servizioUrl).where(eq(servizioUrl.progettoId, progettoId)).run();
    for (const [servizioId, url] of input.serviceUrls)
      tx.insert(servizioUrl).values({ progettoId, servizioId, url }).run();
    const stored = storedItems(tx, progettoId);
    for (const item of items) {
      const value = input.items.get(itemKey(item));
      if (!value) continue;
      const row = stored.get(itemKey(item));
      const same =
        (row?.status ?? "da-verificare") === value.status &&
        (row?.note ?? null) === value.note &&
        (row?.evidenceUrl ?? null) === value.evidenceUrl;
      if (same) continue;
      const fields = { ...value, setBy: actor.label, setAt: now };
      if (row) auditedUpdate(tx, actor, "conformita", conformita, row.id, fields);
      else
        auditedInsert(tx, actor, "conformita", conformita, {
          progettoId,
          criterion: item.criterion,
          servizioId: item.servizioId,
          ...fields,
        });
    }
  });
}

/** Records the automatic results as evidence; the statuses the user set stay as they are. */
export function recordSiteCheck(
  db: Db,
  actor: Actor,
  progettoId: number,
  siteUrl: string,
  results: readonly CheckResult[],
  now = new Date().toISOString(),
): void {
  db.transaction((tx) => {
    for (const r of results)
      auditedInsert(tx, actor, "verifica_sito", verificaSito, {
        progettoId,
        checkedAt: now,
        siteUrl,
        criterion: r.criterion,
        outcome: r.outcome,
        detail: r.detail,
      });
  });
}

/** Conformity summary of several progetti in one query, for the Unione view. */
export function statusesByProgetto(db: Db, progettoIds: readonly number[]) {
  const byProgetto = new Map<number, Map<string, ConformityStatus>>();
  if (progettoIds.length === 0) return byProgetto;
  for (const row of db
    .select({
      progettoId: conformita.progettoId,
      criterion: conformita.criterion,
      servizioId: conformita.servizioId,
      status: conformita.status,
    })
    .from(conformita)
    .where(inArray(conformita.progettoId, [...progettoIds]))
    .all()) {
    const map = byProgetto.get(row.progettoId) ?? new Map<string, ConformityStatus>();
    map.set(itemKey(row), row.status);
    byProgetto.set(row.progettoId, map);
  }
  return byProgetto;
}
