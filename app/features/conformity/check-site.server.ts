/** Runs the automatic checks of a comune's site: its home page and its main stylesheets. */

import {
  boundedFetch,
  FetchFailed,
  type FetchLimits,
  totalTimeoutMessage,
} from "./bounded-fetch.server";
import { scanPage } from "./page-scan";
import { analyzeSite, type CheckResult, stylesheetUrls, unreadable } from "./site-analysis";

export async function checkSite(siteUrl: string, limits: FetchLimits): Promise<CheckResult[]> {
  // One deadline for every fetch of this check, so a slow site cannot hold the request for long.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), limits.totalTimeoutMs);
  // Reading the page runs on this thread, where the timer cannot fire: it is checked by the clock.
  const endsAt = performance.now() + limits.totalTimeoutMs;
  const outOfTime = () => deadline.signal.aborted || performance.now() >= endsAt;
  try {
    let page: { url: string; body: string };
    try {
      page = await boundedFetch(siteUrl, limits, deadline.signal);
    } catch (error) {
      if (error instanceof FetchFailed) return unreadable(error.message);
      throw error;
    }
    const scan = scanPage(page.body);
    if (outOfTime()) return unreadable(totalTimeoutMessage(limits));
    const stylesheets: { url: string; css: string }[] = [];
    for (const url of stylesheetUrls(scan, page.url)) {
      try {
        stylesheets.push({ url, css: (await boundedFetch(url, limits, deadline.signal)).body });
      } catch (error) {
        if (!(error instanceof FetchFailed)) throw error;
        // Out of time: judging the page without the stylesheets not yet read would be unfair.
        if (deadline.signal.aborted) return unreadable(totalTimeoutMessage(limits));
        // A stylesheet that cannot be read counts as missing; the page itself was read.
      }
    }
    const results = analyzeSite({ url: page.url, scan, stylesheets });
    return outOfTime() ? unreadable(totalTimeoutMessage(limits)) : results;
  } finally {
    clearTimeout(timer);
  }
}
