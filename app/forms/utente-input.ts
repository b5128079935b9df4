import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Inserire un indirizzo email valido" }));

export const passwordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, {
    error: `La password deve avere almeno ${MIN_PASSWORD_LENGTH} caratteri`,
  })
  .max(200, { error: "La password è troppo lunga (massimo 200 caratteri)" });

const role = z.enum(["admin", "coordinatore", "editor", "lettore"], {
  error: "Scegliere un ruolo",
});

/** An account's role and scope must agree: a coordinatore needs an Unione, editors and lettori comuni. */
export const UtenteInput = z
  .object({
    email: emailField,
    name: z.string().trim().min(1, { error: "Inserire il nome" }).max(120),
    role,
    unioneId: z.number().int().positive().nullable(),
    comuneIds: z.array(z.number().int().positive()),
    active: z.boolean().default(true),
  })
  .superRefine((u, ctx) => {
    if (u.role === "coordinatore" && u.unioneId === null) {
      ctx.addIssue({
        code: "custom",
        path: ["unioneId"],
        message: "Un coordinatore deve avere un'Unione",
      });
    }
    if ((u.role === "editor" || u.role === "lettore") && u.comuneIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["comuneIds"], message: "Assegnare almeno un comune" });
    }
  })
  .transform((u) => ({
    ...u,
    unioneId: u.role === "coordinatore" ? u.unioneId : null,
    comuneIds: u.role === "editor" || u.role === "lettore" ? u.comuneIds : [],
  }));

export type UtenteInput = z.output<typeof UtenteInput>;
