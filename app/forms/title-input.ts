import { z } from "zod";

/** A progetto's title, as the comune names it (the public page shows it). */
export const TitleInput = z.object({
  title: z
    .string()
    .trim()
    .min(3, { error: "Inserire un titolo di almeno 3 caratteri" })
    .max(200, { error: "Massimo 200 caratteri" }),
});
