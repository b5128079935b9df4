import type { Actor } from "../../db/audit";

/** Who the audit log names for everything the seeds write: a batch, not a signed-in user. */
export const SEED_ACTOR: Actor = { label: "seed", userId: null };
