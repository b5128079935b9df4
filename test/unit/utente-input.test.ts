import { describe, expect, it } from "vitest";
import { fieldErrors } from "~/forms/field-errors";
import { UtenteInput } from "~/forms/utente-input";

const base = {
  email: " Maria.Rossi@Comune.Example.IT ",
  name: "Maria Rossi",
  unioneId: null,
  comuneIds: [],
  active: true,
};

describe("account input", () => {
  it("stores e-mails lower-case and trimmed", () => {
    const parsed = UtenteInput.parse({ ...base, role: "admin" });
    expect(parsed.email).toBe("maria.rossi@comune.example.it");
  });

  it("needs an Unione for a coordinatore and comuni for editors and lettori", () => {
    const coordinatore = UtenteInput.safeParse({ ...base, role: "coordinatore" });
    expect(coordinatore.success).toBe(false);
    if (!coordinatore.success)
      expect(fieldErrors(coordinatore.error)).toEqual({
        unioneId: "Un coordinatore deve avere un'Unione",
      });
    const editor = UtenteInput.safeParse({ ...base, role: "editor" });
    if (!editor.success)
      expect(fieldErrors(editor.error)).toEqual({ comuneIds: "Assegnare almeno un comune" });
    expect(editor.success).toBe(false);
  });

  it("drops scope that does not belong to the role", () => {
    const parsed = UtenteInput.parse({
      ...base,
      role: "coordinatore",
      unioneId: 3,
      comuneIds: [1, 2],
    });
    expect(parsed).toMatchObject({ unioneId: 3, comuneIds: [] });
    expect(
      UtenteInput.parse({ ...base, role: "admin", unioneId: 3, comuneIds: [1] }),
    ).toMatchObject({ unioneId: null, comuneIds: [] });
  });

  it("explains a bad e-mail and a missing role in Italian", () => {
    const result = UtenteInput.safeParse({ ...base, email: "non-una-email", role: "capo" });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error)).toEqual({
        email: "Inserire un indirizzo email valido",
        role: "Scegliere un ruolo",
      });
    }
  });
});
