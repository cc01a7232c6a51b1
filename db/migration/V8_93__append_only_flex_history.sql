-- The FortiFlex history the daily charge is computed from (V7_1: every state of a configuration, every change of an
-- entitlement) is append-only like the ledgers (V6_12): the database refuses to update or delete its rows.
CREATE TRIGGER flex_config_versions_append_only_update BEFORE UPDATE ON flex_config_versions FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'flex_config_versions is append-only: rows are never updated or deleted';
CREATE TRIGGER flex_config_versions_append_only_delete BEFORE DELETE ON flex_config_versions FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'flex_config_versions is append-only: rows are never updated or deleted';

CREATE TRIGGER flex_entitlement_events_append_only_update BEFORE UPDATE ON flex_entitlement_events FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'flex_entitlement_events is append-only: rows are never updated or deleted';
CREATE TRIGGER flex_entitlement_events_append_only_delete BEFORE DELETE ON flex_entitlement_events FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'flex_entitlement_events is append-only: rows are never updated or deleted';
