import { ROLE_LABELS, type Role } from "../auth/access";
import { UtenteInput } from "./utente-input";

/** Reads the account form (create and edit share it) into UtenteInput. */
export function parseUtenteForm(form: FormData) {
  const unione = String(form.get("unioneId") ?? "");
  return UtenteInput.safeParse({
    email: String(form.get("email") ?? ""),
    name: String(form.get("name") ?? ""),
    role: String(form.get("role") ?? ""),
    unioneId: unione === "" ? null : Number(unione),
    comuneIds: form.getAll("comuneIds").map(Number),
    active: form.has("active") || form.get("intent") === "create",
  });
}

/** What the user typed, to show the form again after an error. */
export function utenteFormValues(form: FormData) {
  const role = String(form.get("role") ?? "");
  const unione = String(form.get("unioneId") ?? "");
  return {
    email: String(form.get("email") ?? ""),
    name: String(form.get("name") ?? ""),
    role: (isRole(role) ? role : "") as Role | "",
    unioneId: unione === "" ? null : Number(unione),
    comuneIds: form.getAll("comuneIds").map(Number),
    active: form.has("active"),
  };
}

function isRole(value: string): value is Role {
  return value in ROLE_LABELS;
}
