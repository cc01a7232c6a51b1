-- FortiFlex change requests now use the portal's one idempotency table (idempotency_keys, V6_11, operation 'flex').
-- Keys still running or remembered in the old table are dropped with it: at worst a request repeated across this
-- upgrade runs again.
DROP TABLE flex_idempotency_keys;
