-- The figures of the Renewal Tracking System, pre-aggregated (issue 13): how many contracts come due on each day, by
-- region, family, model and service, and by how they were renewed (successor_channel: empty for no successor yet, else
-- the channel POINTS, PO or IMPORT of the successor, with its points summed). Every RTS figure, the monthly
-- trend and the page counts of the drill-downs are sums over at most a few rows per day of the period, however large the
-- installed base grows; the status of a contract with no successor follows from its end date and today
-- (renewals.RenewalStatus), and the expired amount is the 12-month list price times the count, so neither is stored.
--
-- A due contract is exactly the definition in RtsReports: a service contract whose own end is its end
-- (original_end_date IS NULL: one cut short by an upgrade is left out). Triggers on service_contracts, units and
-- accounts keep the table in step in the same transaction as the change, whoever writes (the portal, imports, the
-- data generator, SQL by hand). Each trigger is one INSERT ... ON DUPLICATE KEY UPDATE adding signed deltas: a row
-- that drops to 0 stays and counts nothing.
CREATE TABLE rts_due_days (
    end_date          DATE         NOT NULL,
    region            VARCHAR(8)   NOT NULL,
    family            VARCHAR(32)  NOT NULL,
    model             VARCHAR(32)  NOT NULL,
    service           VARCHAR(16)  NOT NULL,
    successor_channel VARCHAR(16)  NOT NULL,
    contracts         BIGINT       NOT NULL,
    successor_points  BIGINT       NOT NULL,
    PRIMARY KEY (end_date, region, family, model, service, successor_channel)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO rts_due_days (end_date, region, family, model, service, successor_channel, contracts, successor_points)
SELECT c.end_date, a.region, u.family, u.model, c.service, COALESCE(s.channel, ''), COUNT(*), COALESCE(SUM(s.points), 0)
FROM service_contracts c
JOIN units u ON u.id = c.unit_id
JOIN accounts a ON a.id = u.account_id
LEFT JOIN service_contracts s ON s.renews_contract_id = c.id
WHERE c.original_end_date IS NULL
GROUP BY c.end_date, a.region, u.family, u.model, c.service, COALESCE(s.channel, '');

-- A new contract is due on its end date with no successor yet; the contract it renews (if that one is due) moves
-- from "no successor" to the channel and points of this contract.
CREATE TRIGGER service_contracts_rts_insert AFTER INSERT ON service_contracts FOR EACH ROW
INSERT INTO rts_due_days (end_date, region, family, model, service, successor_channel, contracts, successor_points)
SELECT d.end_date, d.region, d.family, d.model, d.service, d.successor_channel, d.contracts, d.successor_points FROM (
    SELECT NEW.end_date AS end_date, a.region AS region, u.family AS family, u.model AS model, NEW.service AS service,
           '' AS successor_channel, 1 AS contracts, 0 AS successor_points
    FROM units u JOIN accounts a ON a.id = u.account_id
    WHERE u.id = NEW.unit_id AND NEW.original_end_date IS NULL
    UNION ALL
    SELECT p.end_date, a.region, u.family, u.model, p.service, '', -1, 0
    FROM service_contracts p JOIN units u ON u.id = p.unit_id JOIN accounts a ON a.id = u.account_id
    WHERE p.id = NEW.renews_contract_id AND p.original_end_date IS NULL
    UNION ALL
    SELECT p.end_date, a.region, u.family, u.model, p.service, NEW.channel, 1, COALESCE(NEW.points, 0)
    FROM service_contracts p JOIN units u ON u.id = p.unit_id JOIN accounts a ON a.id = u.account_id
    WHERE p.id = NEW.renews_contract_id AND p.original_end_date IS NULL
) d
ON DUPLICATE KEY UPDATE contracts = rts_due_days.contracts + VALUES(contracts),
                        successor_points = rts_due_days.successor_points + VALUES(successor_points);

-- A changed contract (an upgrade cutting it short, a corrected date): its old contribution out, its new one in, both
-- as a due contract (with its successor, if any) and as the successor of the contract it renews. Nothing is written
-- when none of the columns that matter changed.
CREATE TRIGGER service_contracts_rts_update AFTER UPDATE ON service_contracts FOR EACH ROW
INSERT INTO rts_due_days (end_date, region, family, model, service, successor_channel, contracts, successor_points)
SELECT d.end_date, d.region, d.family, d.model, d.service, d.successor_channel, d.contracts, d.successor_points FROM (
    SELECT OLD.end_date AS end_date, a.region AS region, u.family AS family, u.model AS model, OLD.service AS service,
           COALESCE(s.channel, '') AS successor_channel, -1 AS contracts, -COALESCE(s.points, 0) AS successor_points
    FROM units u JOIN accounts a ON a.id = u.account_id LEFT JOIN service_contracts s ON s.renews_contract_id = OLD.id
    WHERE u.id = OLD.unit_id AND OLD.original_end_date IS NULL
      AND NOT (OLD.end_date <=> NEW.end_date AND OLD.original_end_date <=> NEW.original_end_date
               AND OLD.service <=> NEW.service AND OLD.unit_id <=> NEW.unit_id)
    UNION ALL
    SELECT NEW.end_date, a.region, u.family, u.model, NEW.service, COALESCE(s.channel, ''), 1, COALESCE(s.points, 0)
    FROM units u JOIN accounts a ON a.id = u.account_id LEFT JOIN service_contracts s ON s.renews_contract_id = NEW.id
    WHERE u.id = NEW.unit_id AND NEW.original_end_date IS NULL
      AND NOT (OLD.end_date <=> NEW.end_date AND OLD.original_end_date <=> NEW.original_end_date
               AND OLD.service <=> NEW.service AND OLD.unit_id <=> NEW.unit_id)
    UNION ALL
    SELECT p.end_date, a.region, u.family, u.model, p.service, OLD.channel, -1, -COALESCE(OLD.points, 0)
    FROM service_contracts p JOIN units u ON u.id = p.unit_id JOIN accounts a ON a.id = u.account_id
    WHERE p.id = OLD.renews_contract_id AND p.original_end_date IS NULL
      AND NOT (OLD.renews_contract_id <=> NEW.renews_contract_id AND OLD.channel <=> NEW.channel AND OLD.points <=> NEW.points)
    UNION ALL
    SELECT p.end_date, a.region, u.family, u.model, p.service, '', 1, 0
    FROM service_contracts p JOIN units u ON u.id = p.unit_id JOIN accounts a ON a.id = u.account_id
    WHERE p.id = OLD.renews_contract_id AND p.original_end_date IS NULL
      AND NOT (OLD.renews_contract_id <=> NEW.renews_contract_id AND OLD.channel <=> NEW.channel AND OLD.points <=> NEW.points)
    UNION ALL
    SELECT p.end_date, a.region, u.family, u.model, p.service, '', -1, 0
    FROM service_contracts p JOIN units u ON u.id = p.unit_id JOIN accounts a ON a.id = u.account_id
    WHERE p.id = NEW.renews_contract_id AND p.original_end_date IS NULL
      AND NOT (OLD.renews_contract_id <=> NEW.renews_contract_id AND OLD.channel <=> NEW.channel AND OLD.points <=> NEW.points)
    UNION ALL
    SELECT p.end_date, a.region, u.family, u.model, p.service, NEW.channel, 1, COALESCE(NEW.points, 0)
    FROM service_contracts p JOIN units u ON u.id = p.unit_id JOIN accounts a ON a.id = u.account_id
    WHERE p.id = NEW.renews_contract_id AND p.original_end_date IS NULL
      AND NOT (OLD.renews_contract_id <=> NEW.renews_contract_id AND OLD.channel <=> NEW.channel AND OLD.points <=> NEW.points)
) d
ON DUPLICATE KEY UPDATE contracts = rts_due_days.contracts + VALUES(contracts),
                        successor_points = rts_due_days.successor_points + VALUES(successor_points);

-- Contracts are not deleted by the portal; should one be, its contributions go with it.
CREATE TRIGGER service_contracts_rts_delete AFTER DELETE ON service_contracts FOR EACH ROW
INSERT INTO rts_due_days (end_date, region, family, model, service, successor_channel, contracts, successor_points)
SELECT d.end_date, d.region, d.family, d.model, d.service, d.successor_channel, d.contracts, d.successor_points FROM (
    SELECT OLD.end_date AS end_date, a.region AS region, u.family AS family, u.model AS model, OLD.service AS service,
           COALESCE(s.channel, '') AS successor_channel, -1 AS contracts, -COALESCE(s.points, 0) AS successor_points
    FROM units u JOIN accounts a ON a.id = u.account_id LEFT JOIN service_contracts s ON s.renews_contract_id = OLD.id
    WHERE u.id = OLD.unit_id AND OLD.original_end_date IS NULL
    UNION ALL
    SELECT p.end_date, a.region, u.family, u.model, p.service, OLD.channel, -1, -COALESCE(OLD.points, 0)
    FROM service_contracts p JOIN units u ON u.id = p.unit_id JOIN accounts a ON a.id = u.account_id
    WHERE p.id = OLD.renews_contract_id AND p.original_end_date IS NULL
    UNION ALL
    SELECT p.end_date, a.region, u.family, u.model, p.service, '', 1, 0
    FROM service_contracts p JOIN units u ON u.id = p.unit_id JOIN accounts a ON a.id = u.account_id
    WHERE p.id = OLD.renews_contract_id AND p.original_end_date IS NULL
) d
ON DUPLICATE KEY UPDATE contracts = rts_due_days.contracts + VALUES(contracts),
                        successor_points = rts_due_days.successor_points + VALUES(successor_points);

-- A unit corrected to another family or model, or moved to another account: its due contracts move with it.
CREATE TRIGGER units_rts_update AFTER UPDATE ON units FOR EACH ROW
INSERT INTO rts_due_days (end_date, region, family, model, service, successor_channel, contracts, successor_points)
SELECT d.end_date, d.region, d.family, d.model, d.service, d.successor_channel, d.contracts, d.successor_points FROM (
    SELECT c.end_date AS end_date, a.region AS region, OLD.family AS family, OLD.model AS model, c.service AS service,
           COALESCE(s.channel, '') AS successor_channel, -COUNT(*) AS contracts, -COALESCE(SUM(s.points), 0) AS successor_points
    FROM service_contracts c JOIN accounts a ON a.id = OLD.account_id
    LEFT JOIN service_contracts s ON s.renews_contract_id = c.id
    WHERE c.unit_id = OLD.id AND c.original_end_date IS NULL
      AND NOT (OLD.family <=> NEW.family AND OLD.model <=> NEW.model AND OLD.account_id <=> NEW.account_id)
    GROUP BY c.end_date, a.region, c.service, COALESCE(s.channel, '')
    UNION ALL
    SELECT c.end_date, a.region, NEW.family, NEW.model, c.service, COALESCE(s.channel, ''), COUNT(*), COALESCE(SUM(s.points), 0)
    FROM service_contracts c JOIN accounts a ON a.id = NEW.account_id
    LEFT JOIN service_contracts s ON s.renews_contract_id = c.id
    WHERE c.unit_id = NEW.id AND c.original_end_date IS NULL
      AND NOT (OLD.family <=> NEW.family AND OLD.model <=> NEW.model AND OLD.account_id <=> NEW.account_id)
    GROUP BY c.end_date, a.region, c.service, COALESCE(s.channel, '')
) d
ON DUPLICATE KEY UPDATE contracts = rts_due_days.contracts + VALUES(contracts),
                        successor_points = rts_due_days.successor_points + VALUES(successor_points);

-- An account moved to another region: the due contracts of all its units move with it.
CREATE TRIGGER accounts_rts_update AFTER UPDATE ON accounts FOR EACH ROW
INSERT INTO rts_due_days (end_date, region, family, model, service, successor_channel, contracts, successor_points)
SELECT d.end_date, d.region, d.family, d.model, d.service, d.successor_channel, d.contracts, d.successor_points FROM (
    SELECT c.end_date AS end_date, OLD.region AS region, u.family AS family, u.model AS model, c.service AS service,
           COALESCE(s.channel, '') AS successor_channel, -COUNT(*) AS contracts, -COALESCE(SUM(s.points), 0) AS successor_points
    FROM units u JOIN service_contracts c ON c.unit_id = u.id
    LEFT JOIN service_contracts s ON s.renews_contract_id = c.id
    WHERE u.account_id = OLD.id AND c.original_end_date IS NULL AND NOT (OLD.region <=> NEW.region)
    GROUP BY c.end_date, u.family, u.model, c.service, COALESCE(s.channel, '')
    UNION ALL
    SELECT c.end_date, NEW.region, u.family, u.model, c.service, COALESCE(s.channel, ''), COUNT(*), COALESCE(SUM(s.points), 0)
    FROM units u JOIN service_contracts c ON c.unit_id = u.id
    LEFT JOIN service_contracts s ON s.renews_contract_id = c.id
    WHERE u.account_id = NEW.id AND c.original_end_date IS NULL AND NOT (OLD.region <=> NEW.region)
    GROUP BY c.end_date, u.family, u.model, c.service, COALESCE(s.channel, '')
) d
ON DUPLICATE KEY UPDATE contracts = rts_due_days.contracts + VALUES(contracts),
                        successor_points = rts_due_days.successor_points + VALUES(successor_points);
