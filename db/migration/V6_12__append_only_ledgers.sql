-- DESIGN §2: ledgers are append-only (billing records are kept forever). The portal only ever inserts into them;
-- from now on the database itself refuses to update or delete a row of the FortiPoints ledger, its allocations and
-- the FortiFlex ledger (ALTER TABLE, e.g. a migration changing a column type, is unaffected).
CREATE TRIGGER points_ledger_append_only_update BEFORE UPDATE ON points_ledger FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'points_ledger is append-only: rows are never updated or deleted';
CREATE TRIGGER points_ledger_append_only_delete BEFORE DELETE ON points_ledger FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'points_ledger is append-only: rows are never updated or deleted';

CREATE TRIGGER points_allocations_append_only_update BEFORE UPDATE ON points_allocations FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'points_allocations is append-only: rows are never updated or deleted';
CREATE TRIGGER points_allocations_append_only_delete BEFORE DELETE ON points_allocations FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'points_allocations is append-only: rows are never updated or deleted';

CREATE TRIGGER flex_ledger_append_only_update BEFORE UPDATE ON flex_ledger FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'flex_ledger is append-only: rows are never updated or deleted';
CREATE TRIGGER flex_ledger_append_only_delete BEFORE DELETE ON flex_ledger FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'flex_ledger is append-only: rows are never updated or deleted';
