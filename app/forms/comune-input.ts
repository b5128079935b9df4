import { z } from "zod";
import { isIsoDate } from "../domain/dates";
import { webAddress } from "./conformity-input";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v));

/** The comune's population on record and the date it refers to (e.g. the census). */
export const AnagraficaInput = z
  .object({
    population: optionalText.pipe(
      z
        .string()
        .regex(/^\d{1,3}(\.?\d{3})*$/, { error: "Inserire un numero intero, per esempio 9.709" })
        .transform((v) => Number(v.replaceAll(".", "")))
        .pipe(z.number().int().max(5_000_000, { error: "Popolazione non plausibile" }))
        .nullable(),
    ),
    populationDate: optionalText.pipe(
      z.string().refine(isIsoDate, { error: "Inserire una data valida" }).nullable(),
    ),
  })
  .refine((v) => v.population === null || v.populationDate !== null, {
    path: ["populationDate"],
    error: "Indicare a quale data si riferisce la popolazione",
  });

const WEB_ADDRESS_ERROR =
  "Inserire un indirizzo web completo che inizi con https://, per esempio https://www.comune.esempio.it/privacy";

/** An optional http(s) address, stored normalised (empty: none, so no link is shown). */
const optionalWebAddress = z
  .string()
  .max(500, { error: "Indirizzo troppo lungo (al massimo 500 caratteri)" })
  .transform((v, ctx) => {
    const address = webAddress(v);
    if (address === false) {
      ctx.addIssue({ code: "custom", message: WEB_ADDRESS_ERROR });
      return z.NEVER;
    }
    return address;
  });

/** The comune's own pages its public footer links to: accessibility statement, privacy notice. */
export const PublicLinksInput = z.object({
  accessibilityUrl: optionalWebAddress,
  privacyUrl: optionalWebAddress,
});
