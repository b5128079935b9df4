import { readConfig } from "./config.server";
import { type IsoDate, toIsoDate } from "./domain/dates";

/** Today's date for deadline statuses; CRUSCOTTO_TODAY pins it for demos and tests. */
export function today(): IsoDate {
  return readConfig().today ?? toIsoDate(new Date());
}
