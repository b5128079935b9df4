import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { adminOnly, authorizeUnione } from "~/auth/authorize.server";
import { Select } from "~/components/Select";
import { formatDate, formatEuro } from "~/domain/format";
import { PHASE_LABELS, PHASE_ORDER, type Phase } from "~/domain/phase";
import {
  MatrixSection,
  MoneySection,
  SampleChecksSection,
  UpkeepSection,
} from "~/features/unione/PortfolioSections";
import {
  AmountsSection,
  FunnelSection,
  LanesSection,
  MembersSection,
} from "~/features/unione/sections";
import { UnioneTable } from "~/features/unione/UnioneTable";
import { addMember, removeMember } from "~/features/unione/unione-membership.server";
import { loadUnionePage } from "~/features/unione/unione-view.server";
import { MembershipInput } from "~/forms/membership-input";
import { actorOf } from "~/models/audited.server";

/** The page depends only on its viewer, the data and the day: kept until one changes. */
export const handle = { pageCache: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.unione.name ?? "Unione"} · Cruscotto PNRR` },
];

export function loader(args: LoaderFunctionArgs) {
  const { context } = args;
  const { user, unioneId } = authorizeUnione(args);
  const page = loadUnionePage(
    context.db,
    unioneId,
    context.policy,
    new URL(args.request.url).searchParams,
  );
  if (!page) throw new Response("Unione non trovata", { status: 404 });
  return { ...page, canAddMembers: user.role === "admin" };
}

/**
 * A coordinatore may remove members; adding one gives write access to that comune, so it
 * is an administrator's act.
 */
export async function action(args: ActionFunctionArgs) {
  const { context } = args;
  const { user, unioneId } = authorizeUnione(args);
  const parsed = MembershipInput.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? "Operazione non valida" };
  const input = parsed.data;
  if (input.intent === "remove")
    return removeMember(context.db, actorOf(user), unioneId, input.comuneId);
  return addMember(context.db, actorOf(adminOnly(args)), unioneId, input.comune);
}

export default function UnionePage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { search } = useLocation();
  const { unione, query, rows, totals, allTotals, funnel, lanes } = data;
  const base = `/unioni/${unione.id}`;
  const filtered = query.phase !== null || query.onlyLate;
  const phaseHref = (phase: Phase) => `${base}?fase=${phase}`;
  return (
    <>
      <p className="breadcrumb no-print">
        <Link to="/unioni">Unioni</Link> › {unione.name}
      </p>
      <h1>
        {unione.name}
        {unione.fictional ? <span className="badge badge-demo">dimostrativo</span> : null}
      </h1>
      <p>
        {allTotals.comuni} comuni, misura 1.4.1: {formatEuro(allTotals.amountCents)} finanziati,{" "}
        {formatEuro(allTotals.erogatoCents)} erogati; {allTotals.late} con scadenze non rispettate.
        Situazione al {formatDate(data.today)}.
      </p>
      <ul className="actions no-print">
        <li>
          <a href={`${base}/confronto.csv`}>Scarica il confronto per Excel (CSV)</a>
        </li>
        <li>
          <a href={`${base}/confronto-dati.csv`}>CSV per programmi</a>
        </li>
        <li>
          <a href={`${base}/confronto.json`}>JSON</a>
        </li>
        <li>
          <a href={`${base}/stampa${search}`}>Versione per la stampa (A4 orizzontale)</a>
        </li>
      </ul>

      <Form method="get" className="filters no-print" aria-label="Filtri del confronto">
        <input type="hidden" name="ordina" value={query.sort} />
        <input type="hidden" name="verso" value={query.direction} />
        <Select
          name="fase"
          label="Fase"
          placeholder="Tutte"
          options={PHASE_ORDER.map((p) => ({ value: p, label: PHASE_LABELS[p] }))}
          defaultValue={query.phase}
        />
        <div className="field checkbox">
          <input
            type="checkbox"
            id="ritardo"
            name="ritardo"
            value="1"
            defaultChecked={query.onlyLate}
          />
          <label htmlFor="ritardo">Solo comuni in ritardo</label>
        </div>
        <button type="submit">Filtra</button>
        {filtered ? <Link to={base}>Mostra tutti</Link> : null}
      </Form>

      <UnioneTable rows={rows} totals={totals} query={query} base={base} filtered={filtered} />

      <AmountsSection rows={rows} id="grafico-importi" />
      <LanesSection lanes={lanes} />
      <FunnelSection funnel={funnel} hrefOf={phaseHref} />
      <MatrixSection matrix={data.matrix} />
      <MoneySection matrix={data.matrix} />
      <UpkeepSection rows={data.upkeep} />
      <SampleChecksSection rows={data.sampleChecks} />
      <MembersSection
        unioneId={unione.id}
        members={data.members}
        result={result}
        canAddMembers={data.canAddMembers}
      />
    </>
  );
}
