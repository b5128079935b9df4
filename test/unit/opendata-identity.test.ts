/**
 * The identity of enti and progetti across official files: our own fixtures reproduce what
 * real national files contain (N/D codes, changed and shared ISTAT codes, mixed-case IPA
 * codes, a CUP applied again in a later window, a Regione and an ASL, a renamed comune).
 */
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/access";
import { loadNationalOverview } from "~/features/national-overview/national-overview.server";
import { StepRejected, saveDecreto } from "~/models/steps.server";
import { importOfficialFile } from "~/opendata/import.server";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

const FIXTURES = path.resolve("test/fixtures/opendata");
/** 1.4.1, data up to 2024-06-30: codes before the changes. */
const OLDER = path.join(FIXTURES, "candidature_141_2024-06-30.csv");
/** 1.4.1, data up to 2025-03-31: new province code, shared code, N/D, rename, second window. */
const NEWER = path.join(FIXTURES, "candidature_141_2025-03-31.csv");
/** 1.2, data up to 2025-03-31: two comuni (one N/D, one in mixed case), a Regione, an ASL. */
const CLOUD = path.join(FIXTURES, "candidature_12_2025-03-31.csv");

const admin: SessionUser = {
  id: 1,
  email: "a@example.org",
  name: "A",
  role: "admin",
  unioneId: null,
  comuneIds: [],
};

let t: TempDatabase;
beforeEach(() => {
  t = createTempDatabase();
});
afterEach(() => t.cleanup());

const importAll = (...files: string[]) =>
  files.map((file) => importOfficialFile(t.db, file, { skipInvalid: false, dryRun: false }));

const all = <T>(sql: string, ...args: unknown[]) => t.sqlite.prepare(sql).all(...args) as T[];

/** Everything an import decides, in a stable order, to compare imports in different orders. */
function snapshot() {
  return {
    comuni: all(
      `select codice_ipa, name, codice_istat, codice_catastale, provincia, cod_provincia, regione,
              cod_regione, suppressed, official_seen_on
       from comune order by codice_ipa`,
    ),
    history: all(
      `select c.codice_ipa, h.codice_istat, h.first_seen_on, h.last_seen_on
       from comune_codice_istat h join comune c on c.id = h.comune_id order by 1, 2`,
    ),
    enti: all(
      `select e.codice_ipa, e.kind, e.tipologia, e.name, c.codice_ipa comune
       from ente e join comune c on c.id = e.comune_id order by 1`,
    ),
    progetti: all(
      `select a.title avviso, p.cup, p.official_cup, p.official_window, p.official_protocol,
              p.official_state, p.official_state_on, p.official_amount_cents, p.beneficiary_kind,
              p.misura, c.codice_ipa comune, e.codice_ipa ente
       from progetto p join comune c on c.id = p.comune_id left join ente e on e.id = p.ente_id
         join avviso a on a.id = p.avviso_id
       order by p.official_cup, p.official_window`,
    ),
    eventi: all(
      `select p.official_cup, p.official_window, v.kind, v.occurred_on, v.amount_cents
       from evento v join progetto p on p.id = v.progetto_id order by 1, 2, 3`,
    ),
  };
}

describe("importing the files of several measures and dates", () => {
  it("identifies every comune by its IPA code, whatever its ISTAT code or its case", () => {
    importAll(OLDER, NEWER, CLOUD);
    const { comuni, history } = snapshot();
    expect(comuni.map((c) => (c as { codice_ipa: string }).codice_ipa)).toEqual([
      "c_z901",
      "c_z902",
      "c_z903",
      "c_z904",
      "c_z905",
      "c_z906",
    ]);
    expect(comuni[0]).toMatchObject({
      name: "Borgo Alto",
      codice_istat: "111001",
      codice_catastale: "Z901",
      provincia: "OS",
      cod_provincia: "111",
      regione: "Sardegna",
      cod_regione: "20",
      suppressed: 0,
      official_seen_on: "2025-03-31",
    });
    // Merged comuni share a code and keep their identities.
    expect(comuni[1]).toMatchObject({ name: "Valle Unita", codice_istat: "099902" });
    expect(comuni[2]).toMatchObject({ name: "Monte Unito", codice_istat: "099902" });
    // Suppressed: kept, marked, its code in the history.
    expect(comuni[3]).toMatchObject({ name: "Vecchio Borgo", codice_istat: null, suppressed: 1 });
    // Renamed by the newer file.
    expect(comuni[4]).toMatchObject({ name: "Castelnuovo Val di Prova" });
    expect(history).toEqual(
      expect.arrayContaining([
        {
          codice_ipa: "c_z901",
          codice_istat: "095001",
          first_seen_on: "2024-06-30",
          last_seen_on: "2024-06-30",
        },
        {
          codice_ipa: "c_z901",
          codice_istat: "111001",
          first_seen_on: "2025-03-31",
          last_seen_on: "2025-03-31",
        },
        {
          codice_ipa: "c_z903",
          codice_istat: "099903",
          first_seen_on: "2024-06-30",
          last_seen_on: "2024-06-30",
        },
        {
          codice_ipa: "c_z904",
          codice_istat: "099904",
          first_seen_on: "2024-06-30",
          last_seen_on: "2024-06-30",
        },
      ]),
    );
  });

  it("keeps Regioni, ASL and schools as enti of their own, beside the comune where they sit", () => {
    importAll(OLDER, NEWER, CLOUD);
    const { enti } = snapshot();
    expect(enti).toEqual(
      expect.arrayContaining([
        {
          codice_ipa: "r_zz",
          kind: "regione",
          tipologia: "Regioni",
          name: "Regione di Prova",
          comune: "c_z901",
        },
        {
          codice_ipa: "asl_zz",
          kind: "asl",
          tipologia: "ASL",
          name: "Azienda Sanitaria Locale di Prova",
          // Valle Unita shares its ISTAT code with Monte Unito: the name decides.
          comune: "c_z902",
        },
        {
          codice_ipa: "istsc_zzic80000x",
          kind: "scuola",
          tipologia: "Scuole",
          name: "ISTITUTO COMPRENSIVO DI PROVA",
          comune: "c_z902",
        },
      ]),
    );
    expect(enti).toHaveLength(9);
  });

  it("keeps a CUP renounced and applied again as two progetti with their own states", () => {
    importAll(OLDER, NEWER, CLOUD);
    const riprova = snapshot().progetti.filter(
      (p) => (p as { comune: string }).comune === "c_z906",
    );
    expect(riprova).toEqual([
      expect.objectContaining({
        official_cup: "Z11F22000000006",
        official_window: 1,
        official_protocol: "32",
        official_state: "R",
      }),
      expect.objectContaining({
        official_cup: "Z11F22000000006",
        official_window: 2,
        official_protocol: "135",
        official_state: "E",
        official_state_on: "2024-10-08",
      }),
    ]);
    expect(snapshot().progetti).toHaveLength(12);
  });

  it("never drops the rows of a suppressed comune (N/D)", () => {
    importAll(NEWER, CLOUD);
    const vecchio = snapshot().progetti.filter(
      (p) => (p as { comune: string }).comune === "c_z904",
    );
    expect(vecchio.map((p) => (p as { misura: string }).misura).sort()).toEqual(["1.2", "1.4.1"]);
  });

  it("ends with the same enti, progetti and events whatever the order, and twice the same file", () => {
    importAll(OLDER, NEWER, CLOUD);
    const expected = snapshot();
    for (const order of [
      [CLOUD, NEWER, OLDER],
      [NEWER, OLDER, CLOUD],
      [OLDER, CLOUD, NEWER, NEWER],
      [NEWER, CLOUD, OLDER, OLDER, NEWER],
    ]) {
      t.cleanup();
      t = createTempDatabase();
      importAll(...order);
      expect(snapshot(), order.map((f) => path.basename(f)).join(" → ")).toEqual(expected);
    }
  });

  it("an older file after a newer one changes no official fact", () => {
    importAll(NEWER, CLOUD);
    const before = snapshot();
    const [older] = importAll(OLDER);
    expect(older).toMatchObject({ created: 0, updated: 0, skipped: 0 });
    const after = snapshot();
    expect(after.comuni).toEqual(before.comuni);
    expect(after.progetti).toEqual(before.progetti);
    expect(after.eventi).toEqual(before.eventi);
    // What the older file adds is history: the codes it showed.
    expect(after.history.length).toBeGreaterThan(before.history.length);
  });

  it("a CUP corrected by hand is still the same progetto for the next file", () => {
    importAll(OLDER);
    t.sqlite
      .prepare("update progetto set cup = 'Z11F22000000099' where official_cup = 'Z11F22000000002'")
      .run();
    const [newer] = importAll(NEWER);
    expect(newer?.created).toBe(1); // only Riprova's second window
    const valle = all<{ cup: string; official_cup: string }>(
      "select cup, official_cup from progetto where official_cup = 'Z11F22000000002'",
    );
    expect(valle).toEqual([{ cup: "Z11F22000000099", official_cup: "Z11F22000000002" }]);
  });
});

describe("editing a progetto of a re-applied CUP", () => {
  const actor = { label: "rup@example.org", userId: null };
  const decreto = (cup: string) => ({
    number: "135 - 1 / 2022",
    decreeOn: "2022-12-05",
    notifiedOn: "2022-12-20",
    amount: null,
    cup,
  });
  const idOf = (window: number) =>
    (
      t.sqlite
        .prepare(
          "select id from progetto where official_cup = 'Z11F22000000006' and official_window = ?",
        )
        .get(window) as { id: number }
    ).id;

  it("saves the decreto of the second window with the CUP both windows share", () => {
    importAll(NEWER);
    expect(() => saveDecreto(t.db, actor, idOf(2), decreto("Z11F22000000006"))).not.toThrow();
    expect(
      t.sqlite.prepare("select notified_on n from decreto where progetto_id = ?").get(idOf(2)),
    ).toEqual({ n: "2022-12-20" });
  });

  it("still refuses the CUP of another comune's progetto on the same avviso", () => {
    importAll(NEWER);
    expect(() => saveDecreto(t.db, actor, idOf(2), decreto("Z11F22000000002"))).toThrow(
      StepRejected,
    );
  });
});

describe("the totals", () => {
  it("count comuni alone by default, every ente on request, and never an ente in a comune", () => {
    importAll(OLDER, NEWER, CLOUD);
    const comuni = loadNationalOverview(t.db, admin, new URLSearchParams(""));
    const everyone = loadNationalOverview(t.db, admin, new URLSearchParams("enti=tutti"));
    // 7 progetti of comuni for 1.4.1 and 2 for 1.2; the school, the Regione and the ASL.
    expect(comuni.totals.total).toEqual({
      count: 9,
      amountCents: (79_922 * 6 + 155_234 + 47_000 * 2) * 100,
    });
    expect(everyone.totals.total).toEqual({
      count: 12,
      amountCents: (79_922 * 6 + 155_234 + 47_000 * 2 + 7_301 + 1_000_000 + 500_000) * 100,
    });
    expect(comuni.filter.enti).toBe("comuni");
    expect(everyone.filter.enti).toBe("tutti");

    const sardegna = loadNationalOverview(
      t.db,
      admin,
      new URLSearchParams("regione=Sardegna&enti=tutti"),
    );
    const borgo = sardegna.comuni?.rows.find((r) => r.name === "Borgo Alto");
    // Borgo Alto's own progetti only: the Regione sitting there is not its money.
    expect(borgo?.totals.total).toEqual({ count: 2, amountCents: (79_922 + 47_000) * 100 });
  });
});

describe("a file in an earlier published layout", () => {
  // Columns in another order, no decree or state date, "Comune", windows written "1.0".
  const EARLIER = path.join(FIXTURES, "candidature_12_formato_2023.csv");

  it("imports it beside the newer files, dated by its latest decree", () => {
    importAll(NEWER);
    const [summary] = importAll(EARLIER);
    expect(summary).toMatchObject({ created: 2, skipped: 0, fileDate: "2022-09-05" });
    const rows = all(
      `select c.codice_ipa, c.codice_istat, p.official_window, p.official_protocol, e.tipologia, e.kind
       from progetto p join comune c on c.id = p.comune_id join ente e on e.id = p.ente_id
       where p.misura = '1.2' order by 1`,
    );
    expect(rows).toEqual([
      {
        codice_ipa: "c_z901",
        // The newer file's code stays: this file is older.
        codice_istat: "111001",
        official_window: 1,
        official_protocol: "28",
        tipologia: "Comuni",
        kind: "comune",
      },
      {
        codice_ipa: "c_z906",
        codice_istat: "099906",
        official_window: 2,
        official_protocol: "28",
        tipologia: "Comuni",
        kind: "comune",
      },
    ]);
  });
});
