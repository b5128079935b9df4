import { describe, expect, it } from "vitest";
import {
  canAccessUnione,
  canRead,
  canWrite,
  requirementFor,
  type SessionUser,
} from "~/auth/access";

const user = (over: Partial<SessionUser>): SessionUser => ({
  id: 1,
  email: "u@example.it",
  name: "U",
  role: "editor",
  unioneId: null,
  comuneIds: [],
  ...over,
});

const admin = user({ role: "admin" });
const coordinatore = user({ role: "coordinatore", unioneId: 7 });
const editor = user({ role: "editor", comuneIds: [1] });
const lettore = user({ role: "lettore", comuneIds: [1] });
const inUnione = { comuneId: 2, unioneId: 7 };
const own = { comuneId: 1, unioneId: null };
const other = { comuneId: 3, unioneId: 8 };

describe("who may read and write a comune's records", () => {
  it.each([
    ["admin", admin, other, true, true],
    ["coordinatore, member comune", coordinatore, inUnione, true, true],
    ["coordinatore, other unione", coordinatore, other, false, false],
    ["coordinatore, comune in no unione", coordinatore, own, false, false],
    ["editor, own comune", editor, own, true, true],
    ["editor, other comune", editor, other, false, false],
    ["lettore, assigned comune", lettore, own, true, false],
    ["lettore, other comune", lettore, other, false, false],
  ])("%s", (_label, who, scope, read, write) => {
    expect(canRead(who, scope)).toBe(read);
    expect(canWrite(who, scope)).toBe(write);
  });

  it("gives an Unione's pages to its coordinatore and the admins only", () => {
    expect(canAccessUnione(coordinatore, 7)).toBe(true);
    expect(canAccessUnione(coordinatore, 8)).toBe(false);
    expect(canAccessUnione(admin, 8)).toBe(true);
    expect(canAccessUnione(editor, 7)).toBe(false);
    expect(canAccessUnione(user({ role: "coordinatore", unioneId: null }), 7)).toBe(false);
  });
});

describe("what each request needs", () => {
  it.each([
    ["GET", "/accedi", { kind: "public" }],
    ["POST", "/accedi", { kind: "public" }],
    ["GET", "/attuazione/comuni/1", { kind: "public" }],
    ["GET", "/build/root-123.js", { kind: "public" }],
    ["GET", "/__manifest", { kind: "public" }],
    // The home page decides itself: the dashboard, or the public list for a citizen.
    ["GET", "/", { kind: "public" }],
    ["GET", "/scadenze", { kind: "signed-in" }],
    ["POST", "/esci", { kind: "signed-in" }],
    ["POST", "/account/password", { kind: "signed-in" }],
    ["GET", "/admin/utenti", { kind: "admin" }],
    ["POST", "/admin/utenti/3.data", { kind: "admin" }],
    ["GET", "/comuni/4", { kind: "comune", comuneId: 4, write: false }],
    ["POST", "/comuni/4", { kind: "comune", comuneId: 4, write: true }],
    ["POST", "/comuni/4.data", { kind: "comune", comuneId: 4, write: true }],
    ["DELETE", "/progetti/9/determine/2", { kind: "progetto", progettoId: 9, write: true }],
    ["GET", "/unioni/2/", { kind: "unione", unioneId: 2, write: false }],
    ["POST", "/anything-else", { kind: "forbidden" }],
    ["POST", "/", { kind: "forbidden" }],
    ["POST", "/comuni/0", { kind: "forbidden" }],
    ["POST", "/attuazione/comuni/1", { kind: "forbidden" }],
  ])("%s %s", (method, path, requirement) => {
    expect(requirementFor(method, path)).toEqual(requirement);
  });
});
