package com.fortinet.marketplace.security;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.flex.FlexProgramService;
import com.fortinet.marketplace.flex.FlexProgramType;
import com.fortinet.marketplace.orders.MarketFixtures;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12 item 9: the 201 of a FortiFlex transfer names a resource that answers 200, in scope only. */
@PortalTest
class TransferLocationTest {

    @LocalServerPort int port;
    @Autowired MarketFixtures market;
    @Autowired FlexProgramService programs;
    @Autowired BusinessClock clock;

    @Test
    void theLocationOfATransferAnswersTheTransfer() {
        Account a = market.customer("Location");
        market.points(a, "FC-10-FPNTS-10K");
        programs.create(a.getId(), FlexProgramType.PREPAID, null, clock.today().minusDays(10), clock.today().plusYears(1), null);
        ApiClient api = new ApiClient(port, market.apiKey(market.user(a, Permission.READ_WRITE)));
        var created = api.post("/api/v1/accounts/" + a.getId() + "/flex-transfers", Map.of("points", 25),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String location = created.header("Location");
        assertThat(location).isEqualTo("/api/v1/accounts/" + a.getId() + "/flex-transfers/"
                + created.json().get("transferId").asLong());

        var read = api.get(location);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("transferId").asLong()).isEqualTo(created.json().get("transferId").asLong());
        assertThat(read.json().get("fortiPointsSpent").asLong()).isEqualTo(25);
        assertThat(read.json().get("programSerialNumber").asString())
                .isEqualTo(created.json().get("programSerialNumber").asString());

        // Out of scope: 404, as for the account itself; an unknown transfer: 404.
        assertThat(api.as("demo-alice").get(location).status()).isEqualTo(404);
        var unknown = api.get("/api/v1/accounts/" + a.getId() + "/flex-transfers/999999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }
}
