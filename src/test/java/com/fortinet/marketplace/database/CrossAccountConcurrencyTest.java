package com.fortinet.marketplace.database;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.flex.FlexProgramService;
import com.fortinet.marketplace.flex.FlexProgramType;
import com.fortinet.marketplace.orders.MarketFixtures;
import com.fortinet.marketplace.points.LedgerInvariants;
import com.fortinet.marketplace.points.PackService;
import com.fortinet.marketplace.points.RegistrationCodes;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.TestClock;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients spending at once over real HTTP: FortiFlex transfers, orders and pack registrations on many accounts
 * (each with an expired pack the spends must write off first, the path that deadlocked across accounts), and many
 * clients on one account that can pay for only some of them. Every request is answered 201 or, when the points
 * don't suffice, 422; never 500. The ledger invariants hold for every account afterwards.
 */
@PortalTest
class CrossAccountConcurrencyTest {

    static final int ACCOUNTS = 8;
    static final int CLIENTS = 16;
    static final int REQUESTS_PER_CLIENT = 24;

    @LocalServerPort int port;
    @Autowired MarketFixtures market;
    @Autowired PackService packs;
    @Autowired FlexProgramService programs;
    @Autowired RegistrationCodes codes;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired BusinessClock businessClock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Customer(long accountId, ApiClient api, List<String> serials, Queue<String> codes) {
    }

    enum Kind { TRANSFER, ORDER, REGISTRATION }

    @Test
    void transfersOrdersAndRegistrationsOnManyAccountsAtOnceAllSucceed() throws Exception {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            customers.add(customer(2, CLIENTS * REQUESTS_PER_CLIENT / ACCOUNTS));
        }
        long retriesBefore = Transactions.retries();
        Map<Kind, AtomicInteger> created = new ConcurrentHashMap<>();
        Map<Long, Map<Kind, AtomicInteger>> perAccount = new ConcurrentHashMap<>();
        List<String> failures = run(CLIENTS, REQUESTS_PER_CLIENT, (client, i) -> {
            Customer c = customers.get((client + i) % ACCOUNTS);
            Kind kind = Kind.values()[(client + i) % 3];
            ApiClient.Response r = send(c, kind, 1 + (client * 7 + i) % 20, i % c.serials().size());
            if (r.status() == 201) {
                created.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                perAccount.computeIfAbsent(c.accountId(), a -> new ConcurrentHashMap<>())
                        .computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                return null;
            }
            return kind + " on " + c.accountId() + ": " + r;
        });

        System.out.printf("Cross-account load: %d requests, %s created, %d transactions retried after a lock conflict%n",
                CLIENTS * REQUESTS_PER_CLIENT, created, Transactions.retries() - retriesBefore);
        assertThat(failures).isEmpty();
        for (Customer c : customers) {
            Map<Kind, AtomicInteger> mine = perAccount.getOrDefault(c.accountId(), Map.of());
            assertThat(count("select count(*) from flex_transfers where account_id = ?", c.accountId()))
                    .isEqualTo(value(mine, Kind.TRANSFER));
            assertThat(count("select count(*) from orders where paying_account_id = ?", c.accountId()))
                    .isEqualTo(value(mine, Kind.ORDER));
            assertThat(count("select count(*) from point_packs where account_id = ? and source = 'REGISTRATION'", c.accountId()))
                    .isEqualTo(value(mine, Kind.REGISTRATION));
            assertThat(count("select count(*) from points_ledger where account_id = ? and kind = 'PACK_EXPIRED'", c.accountId()))
                    .as("the expired pack is written off once").isEqualTo(1);
            LedgerInvariants.assertHold(jdbc, c.accountId());
        }
    }

    @Test
    void manyClientsOnOneAccountThatCanPayForSomeOfThem() throws Exception {
        Customer c = customer(0, 0);
        packs.addPack(c.accountId(), "FC-10-FPNTS-1K", businessClock.today().minusDays(5), PackService.Source.IMPORT, null, null);
        long before = LedgerInvariants.spendableBalance(jdbc, c.accountId(), businessClock.today());
        assertThat(before).isEqualTo(1000);

        Map<Kind, AtomicInteger> refused = new ConcurrentHashMap<>();
        List<String> failures = run(CLIENTS, 4, (client, i) -> {
            Kind kind = (client + i) % 2 == 0 ? Kind.TRANSFER : Kind.ORDER;
            ApiClient.Response r = send(c, kind, 100, i % c.serials().size());
            if (r.status() == 201) {
                return null;
            }
            if (r.status() == 422 && r.body().contains("Insufficient points")) {
                refused.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                return null;
            }
            return kind + ": " + r;
        });

        assertThat(failures).isEmpty();
        long balance = LedgerInvariants.spendableBalance(jdbc, c.accountId(), businessClock.today());
        long transfers = count("select coalesce(sum(forti_points_spent), 0) from flex_transfers where account_id = ?", c.accountId());
        long orders = count("select coalesce(sum(total_points), 0) from orders where paying_account_id = ?", c.accountId());
        assertThat(transfers + orders).isEqualTo(before - balance);
        assertThat(refused).as("more was asked than the account holds").isNotEmpty();
        // a request was refused only when the balance could not pay it, and the balance only went down afterwards
        if (refused.containsKey(Kind.TRANSFER)) {
            assertThat(balance).isLessThan(100);
        }
        if (refused.containsKey(Kind.ORDER)) {
            assertThat(balance).isLessThan(180);
        }
        LedgerInvariants.assertHold(jdbc, c.accountId());
    }

    // ---- helpers

    /**
     * A customer with {@code packs} 10K packs, an expired pack not yet written off, a running prepaid FortiFlex
     * program, three units due for renewal and {@code codes} unused registration codes.
     */
    Customer customer(int tenKPacks, int codeCount) {
        Account a = market.customer("Concurrency");
        var user = market.user(a, Permission.READ_WRITE);
        LocalDate today = businessClock.today();
        clock.setBusinessDate(today.minusYears(3).minusDays(20));
        packs.addPack(a.getId(), "FC-10-FPNTS-5K", businessClock.today(), PackService.Source.IMPORT, null, "expired");
        clock.reset();
        for (int i = 0; i < tenKPacks; i++) {
            packs.addPack(a.getId(), "FC-10-FPNTS-10K", today.minusDays(30 - i), PackService.Source.IMPORT, null, null);
        }
        programs.create(a.getId(), FlexProgramType.PREPAID, null, today.minusDays(40), today.plusYears(1), null);
        List<String> serials = List.of(market.unit(a, "FGT60F", "HQ", 30, "FC247"),
                market.unit(a, "FGT60F", "Branch", 60, "FC247"), market.unit(a, "FGT60F", "Lab", 90, "FC247"));
        Queue<String> unused = new ConcurrentLinkedQueue<>();
        if (codeCount > 0) {
            var batch = codes.issue("FC-10-FPNTS-1K", codeCount, "concurrency test", null);
            codes.codesOf(batch.id()).forEach(code -> unused.add(code.display()));
        }
        return new Customer(a.getId(), new ApiClient(port, market.apiKey(user)), serials, unused);
    }

    ApiClient.Response send(Customer c, Kind kind, long points, int unit) {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        return switch (kind) {
            case TRANSFER -> c.api().post("/api/v1/accounts/" + c.accountId() + "/flex-transfers", Map.of("points", points), key);
            case ORDER -> c.api().post("/api/v1/orders", Map.of("accountId", c.accountId(), "type", "RENEW", "lines",
                    List.of(Map.of("serialNumber", c.serials().get(unit), "service", "FC247", "termMonths", 12))), key);
            case REGISTRATION -> c.api().post("/api/v1/accounts/" + c.accountId() + "/packs",
                    Map.of("registrationCode", c.codes().remove()), key);
        };
    }

    interface Request {
        /** null when the answer was right, else what was wrong. */
        String send(int client, int i);
    }

    /** {@code clients} threads released together, each sending {@code requests} requests one after the other. */
    static List<String> run(int clients, int requests, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CyclicBarrier start = new CyclicBarrier(clients);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int me = client;
            results.add(pool.submit(() -> {
                start.await(1, TimeUnit.MINUTES);
                List<String> wrong = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    String problem = request.send(me, i);
                    if (problem != null) {
                        wrong.add(problem);
                    }
                }
                return wrong;
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        List<String> all = new ArrayList<>();
        for (Future<List<String>> f : results) {
            all.addAll(f.get());
        }
        return all;
    }

    long count(String sql, long accountId) {
        return jdbc.queryForObject(sql, Long.class, accountId);
    }

    static long value(Map<Kind, AtomicInteger> m, Kind k) {
        AtomicInteger v = m.get(k);
        return v == null ? 0 : v.get();
    }
}
