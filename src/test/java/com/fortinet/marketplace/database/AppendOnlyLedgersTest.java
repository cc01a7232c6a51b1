package com.fortinet.marketplace.database;

import com.fortinet.marketplace.support.PortalTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 9 item 11: the database refuses to change or remove a row of a ledger or of the FortiFlex history the daily
 * charge is computed from, whoever asks.
 */
@PortalTest
class AppendOnlyLedgersTest {

    @Autowired JdbcTemplate jdbc;

    /** {@code key}: the columns that identify a row (the table's primary key). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "points_ledger,      id,                      points = points + 1",
            "points_allocations, ledger_entry_id|pack_id, points = points + 1",
            "flex_ledger,        id,                      description = 'changed'",
            "flex_config_versions,    id,                 name = 'changed'",
            "flex_entitlement_events, id,                 actor = 'changed'"})
    void updatesAndDeletesOfLedgerRowsAreRefused(String table, String key, String change) {
        String[] columns = key.split("\\|");
        Map<String, Object> row = jdbc.queryForMap("select * from " + table + " order by " + String.join(" desc, ", columns)
                + " desc limit 1");
        String where = String.join(" = ? and ", columns) + " = ?";
        Object[] id = java.util.Arrays.stream(columns).map(row::get).toArray();
        long rows = count(table);

        assertThatThrownBy(() -> jdbc.update("update " + table + " set " + change + " where " + where, id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining(table + " is append-only");
        assertThatThrownBy(() -> jdbc.update("delete from " + table + " where " + where, id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining(table + " is append-only");
        assertThatThrownBy(() -> jdbc.update("delete from " + table))
                .isInstanceOf(DataAccessException.class).hasMessageContaining(table + " is append-only");

        assertThat(count(table)).isEqualTo(rows);
        assertThat(jdbc.queryForMap("select * from " + table + " where " + where, id)).isEqualTo(row);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
