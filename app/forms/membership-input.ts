import { z } from "zod";
import { RECORD_ID } from "../auth/canonical-path";

/** The Unione page's member form: remove a member by id, or add a comune by name or code. */
export const MembershipInput = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("remove"),
      comuneId: z.string().regex(RECORD_ID, "Comune non valido").transform(Number),
    }),
    z.object({
      intent: z.literal("add"),
      comune: z
        .string()
        .trim()
        .min(1, "Indicare il nome o il codice ISTAT del comune da aggiungere.")
        .max(200, "Nome troppo lungo"),
    }),
  ],
  { error: "Operazione non valida" },
);
