/** Runs the automatic checks of a comune's site: its home page and its main stylesheets. */

import {
  boundedFetch,
  FetchFailed,
  type FetchLimits,
  totalTimeoutMessage,
} from "./bounded-fetch.server";
import { scanPage } from "./page-scan";
import { analyzeSite, type CheckResult, stylesheetUrls, unreadable } from "./site-analysis";

export async function checkSite(
  siteUrl: string,
  limits: FetchLimits,
  /** Resources read so far, of those known so far (the page, then its stylesheets). */
  onProgress: (done: number, total: number) => void = () => {},
): Promise<CheckResult[]> {
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
    const urls = stylesheetUrls(scan, page.url);
    onProgress(1, 1 + urls.length);
    for (const [i, url] of urls.entries()) {
      try {
        stylesheets.push({ url, css: (await boundedFetch(url, limits, deadline.signal)).body });
      } catch (error) {
        if (!(error instanceof FetchFailed)) throw error;
        // Out of time: judging the page without the stylesheets not yet read would be unfair.
        if (deadline.signal.aborted) return unreadable(totalTimeoutMessage(limits));
        // A stylesheet that cannot be read counts as missing; the page itself was read.
      }
      onProgress(2 + i, 1 + urls.length);
    }
    const results = analyzeSite({ url: page.url, scan, stylesheets });
    return outOfTime() ? unreadable(totalTimeoutMessage(limits)) : results;
  } finally {
    clearTimeout(timer);
  }
}
