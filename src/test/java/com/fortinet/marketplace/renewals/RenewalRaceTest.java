package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.installedbase.InstalledBase;
import com.fortinet.marketplace.orders.MarketFixtures;
import com.fortinet.marketplace.points.LedgerInvariants;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Renewals staff record a PO renewal of a contract while the customer renews the same contract in the marketplace.
 * Both take the account's lock: either the PO renewal comes second and answers 409 saying the contract was already
 * renewed, or the order comes second and renews the PO's new contract. Never a 500, never two successors.
 */
@PortalTest
class RenewalRaceTest {

    @LocalServerPort int port;
    @Autowired MarketFixtures market;
    @Autowired InstalledBase base;
    @Autowired JdbcTemplate jdbc;
    @Autowired BusinessClock clock;

    @Test
    void aPoRenewalAndAMarketplaceRenewalOfOneContractTakeTurns() throws Exception {
        Account a = market.customer("Renewal race");
        market.points(a, "FC-10-FPNTS-10K");
        ApiClient customer = new ApiClient(port, market.apiKey(market.user(a, Permission.READ_WRITE)));
        WebSession staff = WebSession.signedIn(port, "staff@demo.test");
        int poSecond = 0;
        int orderSecond = 0;
        for (int round = 0; round < 8; round++) {
            String serial = market.unit(a, "FGT60F", "Race " + round, 20, "FC247");
            long contract = jdbc.queryForObject("select c.id from service_contracts c join units u on u.id = c.unit_id "
                    + "where u.serial_number = ?", Long.class, serial);
            assertThat(staff.get("/rts/po-renewals/new?contractId=" + contract).status()).isEqualTo(200);

            CyclicBarrier start = new CyclicBarrier(2);
            var po = CompletableFuture.supplyAsync(() -> {
                await(start);
                return staff.post("/rts/po-renewals", Map.of("contractId", String.valueOf(contract), "termMonths", "12",
                        "poNumber", "PO-" + UUID.randomUUID().toString().substring(0, 8), "amount", ""));
            });
            var order = CompletableFuture.supplyAsync(() -> {
                await(start);
                return customer.post("/api/v1/orders", Map.of("accountId", a.getId(), "type", "RENEW", "lines",
                        List.of(Map.of("serialNumber", serial, "service", "FC247", "termMonths", 12))),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            });
            WebSession.Page poPage = po.get(2, TimeUnit.MINUTES);
            ApiClient.Response placed = order.get(2, TimeUnit.MINUTES);

            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            assertThat(poPage.status()).isIn(302, 409);
            if (poPage.status() == 409) {
                poSecond++;
                assertThat(poPage.body()).contains("This contract is renewed: successor");
            } else {
                orderSecond++;
                // the order renewed what the PO renewal had just added
                assertThat(jdbc.queryForObject("select count(*) from service_contracts s join service_contracts p "
                        + "on p.id = s.renews_contract_id where p.renews_contract_id = ? and s.channel = 'POINTS'",
                        Long.class, contract)).isEqualTo(1);
            }
            assertThat(jdbc.queryForObject("select count(*) from service_contracts where renews_contract_id = ?",
                    Long.class, contract)).as("one successor").isEqualTo(1);
        }
        System.out.printf("Renewal race: PO second %d times, order second %d times%n", poSecond, orderSecond);

        // whichever way the race went above, the other order of events answers as it should too
        String serial = market.unit(a, "FGT60F", "After", 20, "FC247");
        long contract = jdbc.queryForObject("select c.id from service_contracts c join units u on u.id = c.unit_id "
                + "where u.serial_number = ?", Long.class, serial);
        assertThat(customer.post("/api/v1/orders", Map.of("accountId", a.getId(), "type", "RENEW", "lines",
                List.of(Map.of("serialNumber", serial, "service", "FC247", "termMonths", 12))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).status()).isEqualTo(201);
        assertThat(staff.get("/rts/po-renewals/new?contractId=" + contract).status()).isEqualTo(200);
        WebSession.Page late = staff.post("/rts/po-renewals", Map.of("contractId", String.valueOf(contract),
                "termMonths", "12", "poNumber", "PO-LATE", "amount", ""));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("This contract is renewed: successor");
        LedgerInvariants.assertHold(jdbc, a.getId());
    }

    /** Should a writer ever skip the lock, the unique index still decides, and the loser hears why. */
    @Test
    void aSecondSuccessorIsAConflictWithAReason() {
        Account a = market.customer("Renewal twice");
        String serial = market.unit(a, "FGT60F", "HQ", 20, "FC247");
        long contract = jdbc.queryForObject("select c.id from service_contracts c join units u on u.id = c.unit_id "
                + "where u.serial_number = ?", Long.class, serial);
        long unit = jdbc.queryForObject("select id from units where serial_number = ?", Long.class, serial);
        var start = clock.today().plusDays(20);
        base.insertContract(new InstalledBase.NewContract(unit, "FC247", null, start, start.plusYears(1),
                InstalledBase.Channel.PO, InstalledBase.Kind.RENEWAL, contract, null, null, 180L));

        assertThatThrownBy(() -> base.insertContract(new InstalledBase.NewContract(unit, "FC247", null, start,
                start.plusYears(1), InstalledBase.Channel.POINTS, InstalledBase.Kind.RENEWAL, contract, null, null, 180L)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("was renewed by another request");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
