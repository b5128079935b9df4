/** Runs the automatic checks of a comune's site: its home page and its main stylesheets. */

import {
  boundedFetch,
  FetchFailed,
  type FetchLimits,
  totalTimeoutMessage,
} from "./bounded-fetch.server";
import { analyzeSite, type CheckResult, stylesheetUrls, unreadable } from "./site-analysis";

export async function checkSite(siteUrl: string, limits: FetchLimits): Promise<CheckResult[]> {
  // One deadline for every fetch of this check, so a slow site cannot hold the request for long.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), limits.totalTimeoutMs);
  try {
    let page: { url: string; body: string };
    try {
      page = await boundedFetch(siteUrl, limits, deadline.signal);
    } catch (error) {
      if (error instanceof FetchFailed) return unreadable(error.message);
      throw error;
    }
    const stylesheets: { url: string; css: string }[] = [];
    for (const url of stylesheetUrls(page.body, page.url)) {
      try {
        stylesheets.push({ url, css: (await boundedFetch(url, limits, deadline.signal)).body });
      } catch (error) {
        if (!(error instanceof FetchFailed)) throw error;
        // Out of time: judging the page without the stylesheets not yet read would be unfair.
        if (deadline.signal.aborted) return unreadable(totalTimeoutMessage(limits));
        // A stylesheet that cannot be read counts as missing; the page itself was read.
      }
    }
    return analyzeSite({ url: page.url, html: page.body, stylesheets });
  } finally {
    clearTimeout(timer);
  }
}
