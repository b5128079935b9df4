/**
 * How a progetto's documents are laid out in its dossier archive: a folder per step of the
 * story, in its order, each document under its original name, and an index listing them.
 */
import { formatDate } from "./format";

export interface DossierStep {
  key: string;
  date: string | null;
  title: string;
}

export interface DossierDocument {
  title: string;
  originalName: string;
  sha256: string;
  sizeBytes: number;
  stepKey: string;
}

export interface DossierFile<D extends DossierDocument> {
  step: string;
  path: string;
  document: D;
}

export const DOSSIER_INDEX_NAME = "indice.csv";
const OTHERS = "Altri documenti";

// Characters Windows and macOS refuse in names, and control characters (built from codes).
const UNSAFE = new RegExp(
  `[<>:"/\\\\|?*${String.fromCharCode(0)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`,
  "g",
);

/** A name any unzip tool can create on any system: no separators, no trailing dots. */
export function safeName(name: string, maxLength = 120): string {
  const cleaned = name
    .replace(UNSAFE, "_")
    .trim()
    .slice(0, maxLength)
    .replace(/[. ]+$/, "");
  return cleaned === "" || cleaned === "." || cleaned === ".." ? "_" : cleaned;
}

/** "name (2).pdf" for the second file of one name in one folder. */
function numbered(name: string, n: number): string {
  if (n === 1) return name;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

/** Where each document goes: steps numbered in story order, then the unattached ones. */
export function dossierFiles<D extends DossierDocument>(
  steps: readonly DossierStep[],
  documents: readonly D[],
): DossierFile<D>[] {
  const folders = steps.map((s, i) => ({
    key: s.key,
    label: s.date ? `${s.title} del ${formatDate(s.date)}` : s.title,
    folder: `${String(i + 1).padStart(2, "0")} ${safeName(s.title, 80)}`,
  }));
  const byKey = new Map(folders.map((f) => [f.key, f]));
  const files: DossierFile<D>[] = [];
  const used = new Set<string>();
  const place = (label: string, folder: string, document: D) => {
    const base = safeName(document.originalName);
    let n = 1;
    while (used.has(`${folder}/${numbered(base, n)}`.toLowerCase())) n++;
    const path = `${folder}/${numbered(base, n)}`;
    used.add(path.toLowerCase());
    files.push({ step: label, path, document });
  };
  for (const f of folders)
    for (const d of documents) if (d.stepKey === f.key) place(f.label, f.folder, d);
  for (const d of documents) if (!byKey.has(d.stepKey)) place(OTHERS, OTHERS, d);
  return files;
}

/** The index, in Italian: one row per file, with what identifies its content. */
export function dossierIndexRows(
  files: readonly DossierFile<DossierDocument>[],
): (string | number)[][] {
  return [
    ["Passaggio", "Titolo", "File", "Dimensione (byte)", "SHA-256"],
    ...files.map((f) => [
      f.step,
      f.document.title,
      f.path,
      f.document.sizeBytes,
      f.document.sha256,
    ]),
  ];
}
