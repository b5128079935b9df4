/**
 * Misura 1.4.1 for Comuni: population bands and lump sums (importo forfettario, IVA inclusa).
 * Amounts are integer euro cents everywhere in the domain.
 */

export type BandId = 1 | 2 | 3 | 4 | 5 | 6;

export interface Band {
  id: BandId;
  /** Inclusive bounds; maxPopulation null means no upper bound. */
  minPopulation: number;
  maxPopulation: number | null;
  label: string;
  siteCents: number;
  perServiceCents: number;
  maxServices: number;
}

const euro = (amount: number) => amount * 100;

export const BANDS: readonly Band[] = [
  band(1, 0, 5_000, "fino a 5.000 abitanti", 28_902, 12_755, 4),
  band(2, 5_001, 20_000, "da 5.001 a 20.000 abitanti", 51_654, 25_895, 4),
  band(3, 20_001, 50_000, "da 20.001 a 50.000 abitanti", 87_682, 38_650, 5),
  band(4, 50_001, 100_000, "da 50.001 a 100.000 abitanti", 96_260, 38_650, 6),
  band(5, 100_001, 250_000, "da 100.001 a 250.000 abitanti", 162_545, 58_963, 6),
  band(6, 250_001, null, "oltre 250.000 abitanti", 500_243, 77_684, 10),
];

function band(
  id: BandId,
  minPopulation: number,
  maxPopulation: number | null,
  label: string,
  siteEuro: number,
  perServiceEuro: number,
  maxServices: number,
): Band {
  return {
    id,
    minPopulation,
    maxPopulation,
    label,
    siteCents: euro(siteEuro),
    perServiceCents: euro(perServiceEuro),
    maxServices,
  };
}

export function bandById(id: number): Band {
  const found = BANDS.find((b) => b.id === id);
  if (!found) throw new RangeError(`Fascia di popolazione inesistente: ${id}`);
  return found;
}

export function bandForPopulation(population: number): Band {
  if (!Number.isInteger(population) || population < 0) {
    throw new RangeError(`Popolazione non valida: ${population}`);
  }
  const found = BANDS.find(
    (b) =>
      population >= b.minPopulation && (b.maxPopulation === null || population <= b.maxPopulation),
  );
  // The bands cover every non-negative integer, so this cannot miss.
  return found as Band;
}

/** Small comuni (up to 5,000 inhabitants) have shorter deadlines. */
export function isSmallComune(band: Band): boolean {
  return band.id === 1;
}

export type AmountCheck =
  | { ok: true; amountCents: number }
  | { ok: false; reason: "too-many-services" | "negative-services"; maxServices: number };

/** The lump sum for the mandatory site plus `services` services of the band. */
export function expectedAmount(band: Band, services: number): AmountCheck {
  if (!Number.isInteger(services) || services < 0) {
    return { ok: false, reason: "negative-services", maxServices: band.maxServices };
  }
  if (services > band.maxServices) {
    return { ok: false, reason: "too-many-services", maxServices: band.maxServices };
  }
  return { ok: true, amountCents: band.siteCents + services * band.perServiceCents };
}

export interface Decomposition {
  band: Band;
  services: number;
}

export type DecompositionResult =
  | { kind: "exact"; band: Band; services: number }
  | { kind: "ambiguous"; candidates: Decomposition[] }
  | { kind: "none" };

/** Which (band, number of services) pairs produce exactly this amount. */
export function decomposeAmount(amountCents: number): DecompositionResult {
  const candidates: Decomposition[] = [];
  for (const b of BANDS) {
    const rest = amountCents - b.siteCents;
    if (rest < 0 || rest % b.perServiceCents !== 0) continue;
    const services = rest / b.perServiceCents;
    if (services <= b.maxServices) candidates.push({ band: b, services });
  }
  const [only] = candidates;
  if (candidates.length === 1 && only) return { kind: "exact", ...only };
  if (candidates.length === 0) return { kind: "none" };
  return { kind: "ambiguous", candidates };
}

/**
 * Site and services parts of an amount: by the band the amount implies when it decomposes
 * into one, else by the given band (site package) with the rest as services; null when
 * neither band fits.
 */
export function splitAmount(
  amountCents: number,
  fallback: Band | null,
): { band: Band; siteCents: number; servicesCents: number } | null {
  const exact = decomposeAmount(amountCents);
  const band = exact.kind === "exact" ? exact.band : fallback;
  if (!band || amountCents < band.siteCents) return null;
  return { band, siteCents: band.siteCents, servicesCents: amountCents - band.siteCents };
}
