-- Renewal Tracking System and partner console (issue 6).

-- Renewals bought through a traditional purchase order, recorded by renewals staff. The successor contract itself is
-- a service_contracts row (channel PO, kind RENEWAL, renews_contract_id set); this keeps what the PO said.
CREATE TABLE po_renewals (
    contract_id     BIGINT       NOT NULL,
    po_number       VARCHAR(40)  NOT NULL,
    amount          BIGINT       NOT NULL,
    term_months     INT          NOT NULL,
    backdated_days  INT          NOT NULL,
    business_date   DATE         NOT NULL,
    recorded_by     VARCHAR(254) NOT NULL,
    recorded_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (contract_id),
    KEY ix_po_renewals_date (business_date),
    CONSTRAINT fk_po_renewals_contract FOREIGN KEY (contract_id) REFERENCES service_contracts (id),
    CONSTRAINT ck_po_renewals_amount CHECK (amount >= 0),
    CONSTRAINT ck_po_renewals_term CHECK (term_months IN (12, 36, 60))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- RTS figures: due contracts by end date. Covers what the summary reads of a due contract (id, end date, whether an
-- upgrade cut it short, unit, service), so counting a period is an index range scan without row lookups.
-- Successors come through ix_contracts_renews, units and accounts by primary key, prices by the price list's key.
CREATE INDEX ix_contracts_rts_due ON service_contracts (end_date, original_end_date, unit_id, service);

-- A contract is renewed at most once: a renewal always continues the latest contract of the unit's service, and the
-- order and PO flows lock before they check. Enforced here so the RTS can join the successor without counting twice.
CREATE UNIQUE INDEX uk_contracts_renews_once ON service_contracts (renews_contract_id);
