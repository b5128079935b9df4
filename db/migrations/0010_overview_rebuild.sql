-- The overview's sums now carry the beneficiary kind: forget the old ones, so the overview
-- rebuilds them on its next visit.
DELETE FROM `overview_meta`;
