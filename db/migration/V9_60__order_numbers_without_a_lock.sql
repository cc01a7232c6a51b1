-- Order numbers came from a per-year counter row updated in the order's own transaction: its row lock was held until
-- commit, so every order of every account waited for the one before it (issue 13: 0.05x the raw spend). An
-- AUTO_INCREMENT hands out a number without holding anything until commit. Numbers stay unique and increasing, no
-- longer restart each year, and an order that rolls back leaves a gap. They continue above every number given so far.
CREATE TABLE order_numbers (
    id BIGINT NOT NULL AUTO_INCREMENT,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

SET @next_order_number = (SELECT COALESCE(MAX(last_used), 0) + 1 FROM order_number_counters);
SET @sql = CONCAT('ALTER TABLE order_numbers AUTO_INCREMENT = ', @next_order_number);
PREPARE set_next FROM @sql;
EXECUTE set_next;
DEALLOCATE PREPARE set_next;

DROP TABLE order_number_counters;
