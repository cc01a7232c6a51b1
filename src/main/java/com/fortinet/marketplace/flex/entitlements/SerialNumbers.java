package com.fortinet.marketplace.flex.entitlements;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * VM serial numbers: the product type's 8-character prefix, the two-digit year and a six-digit count per prefix and
 * year, e.g. FGVMMLTM26000123. The counter row is locked until the creating transaction ends, so numbers are unique
 * and without gaps between committed creations.
 */
@Component
class SerialNumbers {

    static final int MAX_PER_YEAR = 999_999;

    private final JdbcTemplate jdbc;

    SerialNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> next(String prefix, int year, int count) {
        jdbc.update("""
                insert into flex_serial_counters (prefix, year, last_used) values (?, ?, ?)
                on duplicate key update last_used = last_used + ?""", prefix, year, count, count);
        Long last = jdbc.queryForObject("select last_used from flex_serial_counters where prefix = ? and year = ?",
                Long.class, prefix, year);
        if (last == null || last > MAX_PER_YEAR) {
            throw new IllegalStateException("FortiFlex serial numbers " + prefix + year + " are used up");
        }
        List<String> serials = new ArrayList<>(count);
        for (long n = last - count + 1; n <= last; n++) {
            serials.add(String.format("%s%02d%06d", prefix, year % 100, n));
        }
        return serials;
    }
}
