package com.fortinet.marketplace.idempotency;

import com.fortinet.marketplace.support.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * How a key is claimed, on both claims: MariaDB's single insert and the NOWAIT read + insert kept for MySQL. A key row
 * held by a transaction still running answers "in progress" at once (DESIGN §9), not after InnoDB's 50 s lock wait.
 */
@PortalTest
class IdempotencyClaimTest {

    @Autowired Idempotency idempotency;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void askTheServerAgain() {
        ReflectionTestUtils.setField(idempotency, "mariaDb", null);
    }

    void use(String claim) {
        if (claim.equals("locking read")) {
            idempotency.claimWithLockingRead();
        }
    }

    static long newAccountId() {
        return 900_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"insert", "locking read"})
    void aKeyHeldByARunningRequestIsInProgressAtOnceAndFreeAfterItRolledBack(String claim) throws Exception {
        use(claim);
        long account = newAccountId();
        AtomicInteger runs = new AtomicInteger();
        try (Connection running = dataSource.getConnection()) {
            running.setAutoCommit(false);
            try (PreparedStatement ps = running.prepareStatement(
                    "insert into idempotency_keys (account_id, idem_key, operation, request_hash) values (?, ?, 'op', ?)")) {
                ps.setLong(1, account);
                ps.setBytes(2, "held".getBytes(StandardCharsets.UTF_8));
                ps.setBytes(3, new byte[32]);
                ps.executeUpdate();
            }
            assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                    assertThatThrownBy(() -> idempotency.run(IdempotentRequest.of(account, "held", "op", 1), String.class,
                            () -> "ran " + runs.incrementAndGet())).isInstanceOf(RequestInProgressException.class));
            running.rollback();
        }
        assertThat(runs).hasValue(0);

        var first = idempotency.run(IdempotentRequest.of(account, "held", "op", 1), String.class, () -> "ran " + runs.incrementAndGet());
        var again = idempotency.run(IdempotentRequest.of(account, "held", "op", 1), String.class, () -> "ran " + runs.incrementAndGet());
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.result()).isEqualTo(first.result()).isEqualTo("ran 1");
        assertThatThrownBy(() -> idempotency.run(IdempotentRequest.of(account, "held", "op", 2), String.class,
                () -> "ran " + runs.incrementAndGet())).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(runs).hasValue(1);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_keys where account_id = ?", Long.class, account))
                .isEqualTo(1);
    }

    /** A request that fails leaves no claim behind: its key can be sent again. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"insert", "locking read"})
    void aFailedRequestFreesItsKey(String claim) {
        use(claim);
        long account = newAccountId();
        assertThatThrownBy(() -> idempotency.run(IdempotentRequest.of(account, "k", "op"), String.class, () -> {
            throw new IllegalStateException("failed");
        })).hasMessage("failed");
        assertThat(idempotency.run(IdempotentRequest.of(account, "k", "op"), String.class, () -> "second try").result())
                .isEqualTo("second try");
    }
}
