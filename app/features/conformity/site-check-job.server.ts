/** The automatic site check as a job: started by the page's form, followed by the page. */
import type { Actor } from "../../../db/audit";
import type { Db } from "../../../db/connection";
import { parseRecordId } from "../../auth/canonical-path";
import type { Config } from "../../infra/config.server";
import {
  getJob,
  type Job,
  JobBusy,
  latestJobs,
  RUNNING,
  type SiteCheckReport,
  startSiteCheckJob,
} from "../../infra/jobs.server";

/** Starts a check of the progetto's site; one already running is returned instead. */
export function startSiteCheck(
  context: { db: Db; config: Config },
  actor: Actor,
  progettoId: number,
  siteUrl: string,
): Job {
  try {
    return startSiteCheckJob({
      db: context.db,
      dataDir: context.config.dataDir,
      startedBy: actor,
      progettoId,
      siteUrl,
      allowPrivate: context.config.siteCheckAllowPrivate,
    });
  } catch (error) {
    if (error instanceof JobBusy) return error.running;
    throw error;
  }
}

export interface SiteCheckShown {
  /** What runs, while it runs. */
  running: string | null;
  progress: number;
  /** The outcome of the check the page was sent to follow (?verifica=ID). */
  message: string | null;
  failed: boolean;
}

/** What the page says about checks: the one running, else the outcome of the one it followed. */
export function siteCheckShown(
  db: Db,
  progettoId: number,
  search: URLSearchParams,
): SiteCheckShown | null {
  const [latest] = latestJobs(db, "site-check", 1, progettoId);
  if (latest && RUNNING.includes(latest.state))
    return {
      running: `Verifica automatica del sito ${latest.state}, avviata da ${latest.startedBy}`,
      progress: latest.progress,
      message: null,
      failed: false,
    };
  const followed = parseRecordId(search.get("verifica") ?? undefined);
  const job = followed === null ? null : getJob(db, followed);
  if (job?.kind !== "site-check" || job.progettoId !== progettoId) return null;
  if (job.state !== "riuscito")
    return { running: null, progress: 0, message: job.error, failed: true };
  const report = job.report as SiteCheckReport;
  return {
    running: null,
    progress: 1,
    message: `Verifica automatica registrata: ${report.conformi} criteri su ${report.total} risultano conformi. Gli stati impostati a mano non sono cambiati.`,
    failed: false,
  };
}
