import type { IsoDate } from "./dates";

/**
 * What a request judges progetti by: the day it is (CRUSCOTTO_TODAY pins it for demos and
 * tests) and how many days before a deadline it counts as at risk (CRUSCOTTO_AT_RISK_DAYS).
 * Built once per request; every status on every page comes from the same one.
 */
export interface Policy {
  today: IsoDate;
  atRiskDays: number;
}
