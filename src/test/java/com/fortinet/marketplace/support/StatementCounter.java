package com.fortinet.marketplace.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** SQL statements the database server ran while a request ran (its {@code Questions} counter). */
public final class StatementCounter {

    private final JdbcTemplate jdbc;

    public StatementCounter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long questions() {
        return Long.parseLong(jdbc.queryForMap("show global status like 'Questions'").get("Value").toString());
    }

    /**
     * The statements {@code request} cost (it must answer 200). The counter is the server's, so a scheduled job can add
     * to one try: the fewest of five is the request's own.
     */
    public long of(Supplier<WebSession.Page> request) {
        long overhead = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = questions();
            overhead = Math.min(overhead, questions() - before);
        }
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = questions();
            assertThat(request.get().status()).isEqualTo(200);
            fewest = Math.min(fewest, questions() - before - overhead);
        }
        return fewest;
    }
}
