/** Runs the automatic checks of a comune's site: its home page and its main stylesheets. */
import { analyzeSite, type CheckResult, stylesheetUrls, unreadable } from "../domain/site-analysis";
import { boundedFetch, FetchFailed, type FetchLimits } from "./bounded-fetch.server";

export async function checkSite(siteUrl: string, limits: FetchLimits): Promise<CheckResult[]> {
  let page: { url: string; body: string };
  try {
    page = await boundedFetch(siteUrl, limits);
  } catch (error) {
    if (error instanceof FetchFailed) return unreadable(error.message);
    throw error;
  }
  const stylesheets: { url: string; css: string }[] = [];
  for (const url of stylesheetUrls(page.body, page.url)) {
    try {
      stylesheets.push({ url, css: (await boundedFetch(url, limits)).body });
    } catch (error) {
      // A stylesheet that cannot be read counts as missing; the page itself was read.
      if (!(error instanceof FetchFailed)) throw error;
    }
  }
  return analyzeSite({ url: page.url, html: page.body, stylesheets });
}
