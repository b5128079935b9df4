/** Rules of the 1.4.1 avviso applied to a candidatura and to service substitutions. */
import { bandById, expectedAmount } from "./bands";
import { formatEuro } from "./format";
import { servizioById } from "./services";

export interface RuleCheck {
  errors: Record<string, string>;
  warnings: string[];
}

export function checkCandidatura(input: {
  band: number;
  servizioIds: readonly number[];
  amountRequested: number;
}): RuleCheck {
  const band = bandById(input.band);
  const count = input.servizioIds.length;
  if (count > band.maxServices) {
    return {
      errors: {
        servizioIds: `La fascia ${band.label} consente al massimo ${band.maxServices} servizi: ne sono stati scelti ${count}`,
      },
      warnings: [],
    };
  }
  const expected = expectedAmount(band, count);
  const warnings =
    expected.ok && expected.amountCents !== input.amountRequested
      ? [
          `L'importo richiesto (${formatEuro(input.amountRequested)}) non corrisponde a quello previsto dall'avviso per la fascia ${band.label} con ${count} servizi (${formatEuro(expected.amountCents)}).`,
        ]
      : [];
  return { errors: {}, warnings };
}

export interface SubstitutionEffect {
  before: number[];
  after: number[];
  /** Change of the lump sum: per-service amount × change in the number of services. */
  amountDeltaCents: number;
}

/** A swap of services checked against the services in force and the band's cap. */
export function checkSubstitution(
  inForce: readonly number[],
  removed: readonly number[],
  added: readonly number[],
  bandId: number | null,
): { errors: Record<string, string>; effect: SubstitutionEffect | null } {
  const errors: Record<string, string> = {};
  const notInForce = removed.filter((id) => !inForce.includes(id));
  if (notInForce.length) {
    errors.removed = `Non fanno parte del progetto: ${notInForce.map((id) => servizioById(id).shortName).join(", ")}`;
  }
  const already = added.filter((id) => inForce.includes(id) && !removed.includes(id));
  if (already.length) {
    errors.added = `Sono già nel progetto: ${already.map((id) => servizioById(id).shortName).join(", ")}`;
  }
  const after = [...inForce.filter((id) => !removed.includes(id)), ...added].sort((a, b) => a - b);
  const band = bandId === null ? null : bandById(bandId);
  if (band && after.length > band.maxServices) {
    errors.added ??= `Con la sostituzione i servizi sarebbero ${after.length}: la fascia ne consente al massimo ${band.maxServices}`;
  }
  if (Object.keys(errors).length) return { errors, effect: null };
  const delta = band ? (after.length - inForce.length) * band.perServiceCents : 0;
  return { errors, effect: { before: [...inForce], after, amountDeltaCents: delta } };
}
