import type { LoaderFunctionArgs } from "@remix-run/node";
import { signedIn } from "~/auth/authorize.server";
import { formatEuro } from "~/domain/format";
import { loadReconciliation } from "~/features/reconciliation/reconciliation.server";
import { excelCsvResponse } from "~/infra/http.server";
import { visibleComuni } from "~/models/comuni.server";

export function loader({ context, request }: LoaderFunctionArgs) {
  const user = signedIn({ context, request });
  const { items } = loadReconciliation(context.db, visibleComuni(user));
  const header = [
    "Comune",
    "Unione",
    "CUP",
    "Importo ufficiale",
    "Importo inserito",
    "Scomponibile",
    "Fascia da importo",
    "Fascia da popolazione",
    "Differenze",
  ];
  const rows = items.map((i) => [
    i.comune,
    i.unione ?? "",
    i.cup ?? "",
    i.officialAmountCents === null ? "" : formatEuro(i.officialAmountCents),
    i.enteredAmountCents === null ? "" : formatEuro(i.enteredAmountCents),
    i.result.decomposes ? "sì" : "no",
    i.result.impliedBand ?? "",
    i.result.populationBand ?? "",
    i.result.differences.map((d) => `${d.field}: ${d.official} → ${d.entered}`).join(" | "),
  ]);
  return excelCsvResponse([header, ...rows], "riconciliazione.csv");
}
