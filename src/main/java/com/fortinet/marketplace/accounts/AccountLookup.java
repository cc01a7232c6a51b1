package com.fortinet.marketplace.accounts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Calendar;
import java.util.Optional;
import java.util.TimeZone;

/**
 * One account read in one statement, outside any transaction: pages only show it, and the read-only transaction a
 * repository read opens cost three more round trips (SET autocommit=0, COMMIT, SET autocommit=1) on every page
 * (issue 13). What it returns is detached, as a repository read's result is once its transaction has ended
 * (open-in-view is off).
 */
@Component
public class AccountLookup {

    private final JdbcTemplate jdbc;

    public AccountLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(long id) {
        return jdbc.query("select id, name, type, region, created_at from accounts where id = ?", (rs, i) -> Account.read(
                rs.getLong(1), rs.getString(2), AccountType.valueOf(rs.getString(3)), Region.valueOf(rs.getString(4)),
                // read as Hibernate reads it (hibernate.jdbc.time_zone=UTC)
                rs.getTimestamp(5, Calendar.getInstance(TimeZone.getTimeZone("UTC"))).toInstant()), id).stream().findFirst();
    }
}
