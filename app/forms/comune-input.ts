import { z } from "zod";
import { isIsoDate } from "../domain/dates";

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
