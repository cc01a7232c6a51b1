-- The RTS drill-down lists, in their own order (issue 13): one narrow row per due contract with just what a page is
-- chosen by (end date, serial number, service, contract id; region, family, the successor's channel), so a page without
-- a partner filter is an index range scan that stops after the page instead of reading, joining and sorting every
-- contract of the page's days. rts_due_days (V9_40) still says which days a page covers and how many of the first
-- day's rows come before it; this table then gives that page's contract ids, and only those ≤ page-size contracts are
-- read in full (renewals.RtsReports.contracts).
--
-- A due contract is exactly the definition in RtsReports and V9_40: a service contract whose own end is its end
-- (original_end_date IS NULL). successor_channel is '' while nothing renews it, else the channel of the contract that
-- does (renews_contract_id; at most one, V5_1). renewed follows from it and leads the index the status lists use:
-- EXPIRED, IN_GRACE and OPEN are "not renewed" plus an end-date range, RENEWED is "renewed" (plus a channel, filtered
-- in the index). Triggers on service_contracts, units and accounts keep it in step in the same transaction as every
-- change, like V9_40; each is one statement (several triggers per event, none of them on the table it writes).
-- The text columns are declared like the columns they copy (units, service_contracts: utf8mb4, the server's collation),
-- so they sort the same.
CREATE TABLE rts_due_contracts (
    contract_id       BIGINT       NOT NULL,
    end_date          DATE         NOT NULL,
    serial_number     VARCHAR(32)  NOT NULL,
    service           VARCHAR(16)  NOT NULL,
    region            VARCHAR(8)   NOT NULL,
    family            VARCHAR(32)  NOT NULL,
    successor_channel VARCHAR(16)  NOT NULL,
    renewed           TINYINT      AS (successor_channel <> '') STORED,
    PRIMARY KEY (contract_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The contracts in id order (the clustered order of both tables), the indexes built afterwards in one sorted pass each.
INSERT INTO rts_due_contracts (contract_id, end_date, serial_number, service, region, family, successor_channel)
SELECT STRAIGHT_JOIN c.id, c.end_date, u.serial_number, c.service, a.region, u.family, COALESCE(s.channel, '')
FROM service_contracts c
JOIN units u ON u.id = c.unit_id
JOIN accounts a ON a.id = u.account_id
LEFT JOIN service_contracts s ON s.renews_contract_id = c.id
WHERE c.original_end_date IS NULL;

-- All due contracts of a window of days (no status): the list's order, region and family filtered in the index.
-- A status: renewed = 0 or 1, then the same order; region, family and channel filtered in the index.
ALTER TABLE rts_due_contracts
    ADD KEY ix_rts_due_contracts_list (end_date, serial_number, service, contract_id, region, family),
    ADD KEY ix_rts_due_contracts_status (renewed, end_date, serial_number, service, contract_id, region, family, successor_channel);

-- A new contract is due (unless it starts out cut short), with the successor it may already have.
CREATE TRIGGER service_contracts_rts_list_insert AFTER INSERT ON service_contracts FOR EACH ROW
INSERT INTO rts_due_contracts (contract_id, end_date, serial_number, service, region, family, successor_channel)
SELECT NEW.id, NEW.end_date, u.serial_number, NEW.service, a.region, u.family, COALESCE(s.channel, '')
FROM units u JOIN accounts a ON a.id = u.account_id
LEFT JOIN service_contracts s ON s.renews_contract_id = NEW.id
WHERE u.id = NEW.unit_id AND NEW.original_end_date IS NULL
ON DUPLICATE KEY UPDATE end_date = VALUES(end_date), serial_number = VALUES(serial_number), service = VALUES(service),
                        region = VALUES(region), family = VALUES(family), successor_channel = VALUES(successor_channel);

-- ... and the contract it renews (if that one is due) is renewed through its channel.
CREATE TRIGGER service_contracts_rts_list_insert_successor AFTER INSERT ON service_contracts FOR EACH ROW
UPDATE rts_due_contracts SET successor_channel = NEW.channel WHERE contract_id = NEW.renews_contract_id;

-- A changed contract: cut short by an upgrade, it is no longer due ...
CREATE TRIGGER service_contracts_rts_list_update_out AFTER UPDATE ON service_contracts FOR EACH ROW
DELETE FROM rts_due_contracts WHERE contract_id = OLD.id AND NEW.original_end_date IS NOT NULL;

-- ... otherwise its end, service or unit as they are now (nothing is written when none of them changed) ...
CREATE TRIGGER service_contracts_rts_list_update_in AFTER UPDATE ON service_contracts FOR EACH ROW
INSERT INTO rts_due_contracts (contract_id, end_date, serial_number, service, region, family, successor_channel)
SELECT NEW.id, NEW.end_date, u.serial_number, NEW.service, a.region, u.family, COALESCE(s.channel, '')
FROM units u JOIN accounts a ON a.id = u.account_id
LEFT JOIN service_contracts s ON s.renews_contract_id = NEW.id
WHERE u.id = NEW.unit_id AND NEW.original_end_date IS NULL
  AND NOT (OLD.end_date <=> NEW.end_date AND OLD.original_end_date <=> NEW.original_end_date
           AND OLD.service <=> NEW.service AND OLD.unit_id <=> NEW.unit_id)
ON DUPLICATE KEY UPDATE end_date = VALUES(end_date), serial_number = VALUES(serial_number), service = VALUES(service),
                        region = VALUES(region), family = VALUES(family), successor_channel = VALUES(successor_channel);

-- ... the contract it renewed before, if it now renews another one or none, has no successor any more ...
CREATE TRIGGER service_contracts_rts_list_update_old_successor AFTER UPDATE ON service_contracts FOR EACH ROW
UPDATE rts_due_contracts SET successor_channel = ''
WHERE contract_id = OLD.renews_contract_id AND NOT (OLD.renews_contract_id <=> NEW.renews_contract_id);

-- ... and the contract it renews now takes its (possibly changed) channel.
CREATE TRIGGER service_contracts_rts_list_update_new_successor AFTER UPDATE ON service_contracts FOR EACH ROW
    FOLLOWS service_contracts_rts_list_update_old_successor
UPDATE rts_due_contracts SET successor_channel = NEW.channel
WHERE contract_id = NEW.renews_contract_id
  AND NOT (OLD.renews_contract_id <=> NEW.renews_contract_id AND OLD.channel <=> NEW.channel);

-- Contracts are not deleted by the portal; should one be, it goes, and the contract it renewed is no longer renewed.
CREATE TRIGGER service_contracts_rts_list_delete AFTER DELETE ON service_contracts FOR EACH ROW
DELETE FROM rts_due_contracts WHERE contract_id = OLD.id;

CREATE TRIGGER service_contracts_rts_list_delete_successor AFTER DELETE ON service_contracts FOR EACH ROW
UPDATE rts_due_contracts SET successor_channel = '' WHERE contract_id = OLD.renews_contract_id;

-- A unit corrected (serial number, family) or moved to another account: its due contracts follow it.
CREATE TRIGGER units_rts_list_update AFTER UPDATE ON units FOR EACH ROW
UPDATE rts_due_contracts d
JOIN service_contracts c ON c.id = d.contract_id
JOIN accounts a ON a.id = NEW.account_id
SET d.serial_number = NEW.serial_number, d.family = NEW.family, d.region = a.region
WHERE c.unit_id = NEW.id
  AND NOT (OLD.serial_number <=> NEW.serial_number AND OLD.family <=> NEW.family AND OLD.account_id <=> NEW.account_id);

-- An account moved to another region: the due contracts of all its units move with it.
CREATE TRIGGER accounts_rts_list_update AFTER UPDATE ON accounts FOR EACH ROW
UPDATE rts_due_contracts d
JOIN service_contracts c ON c.id = d.contract_id
JOIN units u ON u.id = c.unit_id
SET d.region = NEW.region
WHERE u.account_id = NEW.id AND NOT (OLD.region <=> NEW.region);
