/**
 * Writes N synthetic rows in the official open-data format, for load and scale tests:
 *   npm run generate:opendata -- --rows 100000 --out /tmp/candidature.csv [--seed 1]
 * Enti are the 7,904 real comuni of ../shared/data/istat (band from their population) plus
 * invented schools and other bodies; avvisi are the real ones of ../shared/data/padigitale2026.
 * About 60% of rows are comuni, 30% schools, 10% other bodies; states about 42% A, 56% E,
 * 2% R. CUPs and codici IPA are invented (prefix Z) so they never clash with real ones.
 */
import { createWriteStream, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { bandForPopulation } from "../app/domain/bands";
import { misuraCodeOf } from "../app/domain/measures";
import { CsvTokenizer } from "../app/opendata/csv-tokenizer";
import { OFFICIAL_COLUMNS } from "../app/opendata/opendata-row";

const SHARED_DATA = fileURLToPath(new URL("../../shared/data/", import.meta.url));

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000" },
    out: { type: "string" },
    seed: { type: "string", default: "1" },
  },
});
const total = Number(values.rows);
if (!Number.isInteger(total) || total <= 0 || !values.out) {
  console.error("Uso: npm run generate:opendata -- --rows N --out FILE [--seed S]");
  process.exit(1);
}

// A small deterministic generator (mulberry32), so the same seed gives the same file.
let state = Number(values.seed) >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Records of a small shared CSV file, as objects keyed by header. */
function readShared(relativePath: string): Record<string, string>[] {
  const tokenizer = new CsvTokenizer(",");
  const records = [
    ...tokenizer.push(readFileSync(SHARED_DATA + relativePath, "utf8").replace(/^\uFEFF/, "")),
    ...tokenizer.end(),
  ];
  const [header, ...rows] = records.map((r) => r.fields);
  return rows.map((fields) =>
    Object.fromEntries((header ?? []).map((h, i) => [h, fields[i] ?? ""])),
  );
}

const COMUNI = readShared("istat/comuni_istat_2020.csv");
const AVVISI = readShared("padigitale2026/avvisi.csv").map((a) => ({
  title: a.titolo ?? "",
  misura: a.misura ?? "",
  target: /Comuni/.test(a.soggetti_destinatari ?? "")
    ? "Comuni"
    : /Scuole/.test(a.soggetti_destinatari ?? "")
      ? "Scuole"
      : "Altri Enti",
}));
const avvisiFor = (target: string) => AVVISI.filter((a) => a.target === target);
const AVVISI_BY_TARGET = {
  Comuni: avvisiFor("Comuni"),
  Scuole: avvisiFor("Scuole"),
  "Altri Enti": avvisiFor("Altri Enti"),
};
/** Typical lump sums of the other measures, in cents. */
const OTHER_AMOUNTS = [1_400_000, 2_314_700, 5_102_200, 7_707_800, 12_178_300, 30_500_000];

const day = (start: number, spanDays: number) =>
  new Date(Date.UTC(2022, 0, 1) + (start + Math.floor(random() * spanDays)) * 86_400_000)
    .toISOString()
    .slice(0, 10);

const later = (date: string, minDays: number, spanDays: number) =>
  new Date(Date.parse(date) + (minDays + Math.floor(random() * spanDays)) * 86_400_000)
    .toISOString()
    .slice(0, 10);
const csvField = (value: string) =>
  /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

const out = createWriteStream(values.out);
out.write(`${OFFICIAL_COLUMNS.join(",")}\n`);
for (let i = 1; i <= total; i++) {
  const comune = pick(COMUNI);
  const draw = random();
  const tipologia = draw < 0.6 ? "Comuni" : draw < 0.9 ? "Scuole" : "Altri Enti";
  const avviso = pick(AVVISI_BY_TARGET[tipologia]);
  const band = bandForPopulation(Number(comune.popolazione_censimento_2011));
  const amount =
    misuraCodeOf(avviso.title) === "1.4.1"
      ? tipologia === "Comuni"
        ? band.siteCents + Math.floor(random() * (band.maxServices + 1)) * band.perServiceCents
        : 730_100
      : pick(OTHER_AMOUNTS);
  const stateDraw = random();
  const stato = stateDraw < 0.02 ? "R" : stateDraw < 0.58 ? "E" : "A";
  const decreeOn = day(230, 900);
  // The published structure (a letter, two digits, a letter, eleven digits), marked Z: invented.
  const cup = `Z00Z${String(i).padStart(11, "0")}`;
  const istat = comune.codice_istat ?? "";
  const ente =
    tipologia === "Comuni"
      ? { ipa: `c_z${istat}`, name: `Comune di ${comune.nome}` }
      : tipologia === "Scuole"
        ? { ipa: `istsc_z${i}`, name: `Istituto sintetico ${i}` }
        : { ipa: `ente_z${i}`, name: `Ente sintetico ${i}` };
  const values = {
    codice_ipa: ente.ipa,
    ente: ente.name,
    tipologia_ente: tipologia,
    comune: comune.nome,
    cod_comune: istat,
    provincia: comune.sigla_provincia,
    cod_provincia: istat.slice(0, 3),
    regione: comune.regione,
    cod_regione: comune.cod_regione,
    importo_finanziamento: (amount / 100).toFixed(1),
    avviso: avviso.title,
    data_invio_candidatura: `${later(decreeOn, -200, 170)}T10:00:00.000+0000`,
    data_finanziamento: decreeOn,
    codice_cup: cup,
    numero_finestra_temporale: "1",
    numero_di_protocollo: "32",
    decreto_finanziamento: "Decreto n.32 - 1 / 2022 - PNRR",
    stato_candidatura: stato,
    data_stato_candidatura: stato === "A" ? decreeOn : later(decreeOn, 90, 700),
    misura: avviso.misura,
  } as Record<string, string>;
  const line = OFFICIAL_COLUMNS.map((c) => csvField(values[c] ?? "")).join(",");
  if (!out.write(`${line}\n`))
    await new Promise<void>((resolve) => out.once("drain", () => resolve()));
}
out.end();
await new Promise<void>((resolve) => out.once("finish", () => resolve()));
console.log(`Scritte ${total} righe in ${values.out}`);
