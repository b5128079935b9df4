/**
 * Writes N synthetic rows in the official open-data format, for load and scale tests:
 *   npm run generate:opendata -- --rows 100000 --out /tmp/candidature.csv [--seed 1]
 * Distributions follow the real file: about 45% comuni (bands by amount), 55% schools at
 * € 7.301, states about 42% A, 56% E, 2% R; CUPs and codici are invented (prefix Z).
 */
import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { BANDS } from "../app/domain/bands";
import { OFFICIAL_COLUMNS } from "../app/domain/opendata-row";

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

const REGIONS = [
  ["Piemonte", "01"],
  ["Lombardia", "03"],
  ["Veneto", "05"],
  ["Liguria", "07"],
  ["Emilia-Romagna", "08"],
  ["Toscana", "09"],
  ["Lazio", "12"],
  ["Campania", "15"],
  ["Puglia", "16"],
  ["Sicilia", "19"],
] as const;
const BAND_WEIGHTS = [0.7, 0.2, 0.06, 0.02, 0.015, 0.005];
const AVVISI_COMUNI = [
  "1.4.1 Esperienza del Cittadino - Comuni - Aprile 2022",
  "1.4.1 Esperienza del Cittadino - Comuni - Settembre 2022",
];
const AVVISI_SCUOLE = [
  "1.4.1 Esperienza del Cittadino - Scuole - Aprile 2022",
  "1.4.1 Esperienza del Cittadino - Scuole - Giugno 2022",
];

function band() {
  let r = random();
  for (const [i, w] of BAND_WEIGHTS.entries()) {
    if (r < w) return BANDS[i] as (typeof BANDS)[number];
    r -= w;
  }
  return BANDS[0] as (typeof BANDS)[number];
}

const day = (start: number, spanDays: number) =>
  new Date(Date.UTC(2022, 0, 1) + (start + Math.floor(random() * spanDays)) * 86_400_000)
    .toISOString()
    .slice(0, 10);

const out = createWriteStream(values.out);
out.write(`${OFFICIAL_COLUMNS.join(",")}\n`);
for (let i = 1; i <= total; i++) {
  const comuneNumber = 1 + Math.floor(random() * Math.max(1, total / 2));
  const istat = String(100000 + (comuneNumber % 900000)).padStart(6, "0");
  const [regione, codRegione] = pick(REGIONS);
  const school = random() < 0.55;
  const b = band();
  const services = Math.floor(random() * (b.maxServices + 1));
  const amount = school ? 730_100 : b.siteCents + services * b.perServiceCents;
  const stateDraw = random();
  const stato = stateDraw < 0.02 ? "R" : stateDraw < 0.58 ? "E" : "A";
  const decreeOn = day(230, 120);
  const cup = `Z${String(i).padStart(14, "0")}`;
  const values = {
    codice_ipa: school ? `istsc_z${i}` : `c_z${istat}`,
    ente: school ? `Istituto sintetico ${i}` : `Comune sintetico ${istat}`,
    tipologia_ente: school ? "Scuole" : "Comuni",
    comune: `Comune sintetico ${istat}`,
    cod_comune: istat,
    provincia: "ZZ",
    cod_provincia: "999",
    regione,
    cod_regione: codRegione,
    importo_finanziamento: (amount / 100).toFixed(1),
    avviso: pick(school ? AVVISI_SCUOLE : AVVISI_COMUNI),
    data_invio_candidatura: `${day(100, 120)}T10:00:00.000+0000`,
    data_finanziamento: decreeOn,
    codice_cup: cup,
    numero_finestra_temporale: "1",
    numero_di_protocollo: "32",
    decreto_finanziamento: "Decreto n.32 - 1 / 2022 - PNRR",
    stato_candidatura: stato,
    data_stato_candidatura: stato === "A" ? decreeOn : day(500, 400),
    misura: "1.4.1 Esperienza del cittadino nei servizi pubblici",
  } as Record<string, string>;
  const line = OFFICIAL_COLUMNS.map((c) => values[c] ?? "").join(",");
  if (!out.write(`${line}\n`))
    await new Promise<void>((resolve) => out.once("drain", () => resolve()));
}
out.end();
await new Promise<void>((resolve) => out.once("finish", () => resolve()));
console.log(`Scritte ${total} righe in ${values.out}`);
