import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { authorizeProgetto } from "~/auth/authorize.server";
import { parseRecordId } from "~/auth/canonical-path";
import { formatDate } from "~/domain/format";
import { BackToProgetto } from "~/features/progetto/BackToProgetto";

export const meta: MetaFunction = () => [{ title: "Conferma l'eliminazione · Cruscotto PNRR" }];

/** What can be deleted from a progetto, and the URL whose action deletes it. */
const KINDS = {
  documento: "documenti",
  istanza: "istanze",
  determina: "determine",
  evento: "eventi",
  proroga: "proroghe",
} as const;

type Kind = keyof typeof KINDS;
const isKind = (value: string): value is Kind => Object.hasOwn(KINDS, value);

/**
 * The page a delete button leads to (`?passaggio=determina:3`): it says what goes, with how
 * many documents, and posts the delete to the step's own action only when confirmed there.
 * Without script this is how a delete asks first.
 */
export function loader(args: LoaderFunctionArgs) {
  const { record } = authorizeProgetto(args, "write");
  const asked = new URL(args.request.url).searchParams.get("passaggio") ?? "";
  const [kind = "", rawId] = asked.split(":");
  const id = parseRecordId(rawId);
  if (!isKind(kind) || id === null) throw new Response("Passaggio non trovato", { status: 404 });
  const base = `/progetti/${record.progetto.id}`;
  const action = `${base}/${KINDS[kind]}/${id}`;
  const what = describe(record, kind, id);
  if (!what) throw new Response("Passaggio non trovato", { status: 404 });
  const documents =
    kind === "documento" || kind === "proroga"
      ? 0
      : record.documenti.filter((d) => d.stepKey === `${kind}:${id}`).length;
  return {
    progetto: record.progetto,
    what,
    documents,
    action,
    // Back where the delete was asked: the step's page, or the progetto for a document.
    back: kind === "documento" ? base : action,
  };
}

type ProgettoRecord = ReturnType<typeof authorizeProgetto>["record"];

function describe(record: ProgettoRecord, kind: Kind, id: number): string | null {
  if (kind === "documento") {
    const d = record.documenti.find((x) => x.id === id);
    return d ? `il documento «${d.title}»` : null;
  }
  if (kind === "proroga") {
    const p = record.proroghe.find((x) => x.id === id);
    return p ? "la modifica della scadenza" : null;
  }
  const entry = record.timeline.find((t) => t.ref?.step === kind && t.ref.id === id);
  if (!entry) return null;
  return `«${entry.title}»${entry.date ? ` del ${formatDate(entry.date)}` : ""}`;
}

export default function ConfirmDelete() {
  const { progetto, what, documents, action, back } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <BackToProgetto progetto={progetto} />
      <h1>Eliminare {what}?</h1>
      <p>
        {documents > 0
          ? `Saranno eliminati anche ${documents === 1 ? "il documento allegato" : `i ${documents} documenti allegati`}. `
          : null}
        L'operazione non si può annullare; resta traccia nel registro delle modifiche.
      </p>
      <form method="post" action={action} className="inline-form">
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="danger">
          Elimina definitivamente
        </button>
      </form>{" "}
      <Link to={back}>Annulla</Link>
    </section>
  );
}
