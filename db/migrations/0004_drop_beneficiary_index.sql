-- No query reads it: the import keeps its own map of known progetti. Dropping it makes each
-- imported progetto one index write cheaper.
DROP INDEX `progetto_beneficiary_avviso_idx`;
