/**
 * The candidatura's amount is not typed: the avviso's band and the chosen services decide
 * it (bands.ts). The form posts its choices; the amount is computed here, once.
 */
import type { z } from "zod";
import { bandById, expectedAmount } from "../domain/bands";
import { CandidaturaInput } from "./step-inputs";

/** What the user chooses; the amount follows from it. */
export const CandidaturaChoice = CandidaturaInput.omit({ amountRequested: true });

/**
 * The candidatura with its computed amount. With more services than the band allows the
 * amount is 0: checkCandidatura refuses that choice before anything is saved.
 */
export function withComputedAmount(
  choice: z.output<typeof CandidaturaChoice>,
): z.output<typeof CandidaturaInput> {
  const amount = expectedAmount(bandById(choice.band), choice.servizioIds.length);
  return { ...choice, amountRequested: amount.ok ? amount.amountCents : 0 };
}

/** The button that shows the amount without saving (no script: the page comes back with it). */
export const CALCULATE_INTENT = "calcola";
