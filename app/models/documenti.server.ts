import { and, eq } from "drizzle-orm";
import type { Actor, Writer } from "../../db/audit";
import type { Db } from "../../db/connection";
import { decreto, determina, documento, evento, istanzaModifica } from "../../db/schema";
import { checkFileName, MEDIA_TYPES, sniffDocument } from "../domain/document-content";
import { removeUnreferencedFiles } from "../infra/files.server";
import { discard, keep, type ReceivedFile } from "../infra/uploads.server";
import { auditedDelete, auditedInsert } from "./audited.server";
import { StepRejected } from "./steps.server";

const STEP_LINKS = {
  decreto: { table: decreto, column: "decretoId" },
  istanza: { table: istanzaModifica, column: "istanzaId" },
  determina: { table: determina, column: "determinaId" },
  evento: { table: evento, column: "eventoId" },
} as const;

/** "candidatura", "altro" or "<step>:<id>" of a step of this progetto, as documento columns. */
function stepColumns(tx: Writer, progettoId: number, value: string) {
  if (value === "candidatura" || value === "altro") return { step: value } as const;
  const [kind, rawId] = value.split(":");
  const link = STEP_LINKS[kind as keyof typeof STEP_LINKS];
  const id = Number(rawId);
  if (link && Number.isSafeInteger(id)) {
    const found = tx
      .select({ id: link.table.id })
      .from(link.table)
      .where(and(eq(link.table.id, id), eq(link.table.progettoId, progettoId)))
      .get();
    if (found) return { step: kind as keyof typeof STEP_LINKS, [link.column]: id };
  }
  throw new StepRejected({ step: "Scegliere un passaggio di questo progetto" });
}

export interface DocumentoMeta {
  title: string;
  step: string;
  publishable: boolean;
  uploadedBy: string;
}

/**
 * Checks what the file really is and stores it with its metadata. Whatever fails, the
 * temporary file goes and nothing is left half-written.
 */
export function saveDocumento(
  db: Db,
  actor: Actor,
  progettoId: number,
  meta: DocumentoMeta,
  file: ReceivedFile | null,
  filesDir: string,
): number {
  try {
    if (!file) throw new StepRejected({ file: "Scegliere un file da caricare." });
    const name = checkFileName(file.originalName);
    if (!name.ok) throw new StepRejected({ file: name.reason });
    const content = sniffDocument(file.head);
    if (!content.ok) throw new StepRejected({ file: content.reason });
    const columns = stepColumns(db, progettoId, meta.step);
    keep(file, filesDir);
    try {
      return db.transaction(
        (tx) =>
          auditedInsert<{ id: number }>(tx, actor, "documento", documento, {
            progettoId,
            ...columns,
            title: meta.title,
            originalName: name.name,
            sha256: file.sha256,
            sizeBytes: file.size,
            mediaType: MEDIA_TYPES[content.kind],
            publishable: meta.publishable,
            uploadedBy: meta.uploadedBy,
          }).id,
      );
    } catch (error) {
      removeUnreferencedFiles(db, filesDir, [file.sha256]);
      throw error;
    }
  } finally {
    discard(file);
  }
}

export function getDocumento(db: Db, progettoId: number, id: number) {
  return db
    .select()
    .from(documento)
    .where(and(eq(documento.id, id), eq(documento.progettoId, progettoId)))
    .get();
}

export function deleteDocumento(
  db: Db,
  actor: Actor,
  progettoId: number,
  id: number,
  filesDir: string,
): boolean {
  const found = getDocumento(db, progettoId, id);
  if (!found) return false;
  db.transaction((tx) => auditedDelete(tx, actor, "documento", documento, id));
  removeUnreferencedFiles(db, filesDir, [found.sha256]);
  return true;
}
