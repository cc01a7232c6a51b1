package com.fortinet.marketplace.installedbase;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.TestClock;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class InstalledBaseApiTest {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    AccountRepository accountRepository;
    @Autowired
    InstalledBaseService service;
    @Autowired
    InstalledBase base;
    @Autowired
    TestClock clock;
    @Autowired
    BusinessClock businessClock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String serial() {
        return "FGT60FTK" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    @Test
    void adminRegistersAUnitWithContractsAndTheOwnerSeesItsCoverage() {
        clock.setBusinessDate(LocalDate.parse("2026-11-25"));
        Account acc = accounts.create("IB " + UUID.randomUUID(), AccountType.CUSTOMER, Region.AMER);
        String serial = serial();
        var admin = new ApiClient(port, "demo-admin");
        var r = admin.post("/api/v1/admin/accounts/" + acc.getId() + "/units", Map.of(
                "serialNumber", serial.toLowerCase(), "model", "FGT60F", "family", "fortigate", "location", "Lab",
                "services", List.of(
                        Map.of("service", "FC247", "startDate", "2025-10-09", "endDate", "2026-10-09"),
                        Map.of("service", "UTP", "startDate", "2026-01-01", "endDate", "2026-12-10"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("serialNumber").asString()).isEqualTo(serial);
        assertThat(r.json().get("family").asString()).isEqualTo("FortiGate");

        var units = base.searchAll(acc.getId(), UnitFilter.none(), LocalDate.parse("2026-11-25"), 10);
        assertThat(units).hasSize(1);
        assertThat(units.get(0).coverageOf("FC247").orElseThrow().status()).isEqualTo(CoverageStatus.LAPSED);
        assertThat(units.get(0).coverageOf("UTP").orElseThrow().status()).isEqualTo(CoverageStatus.EXPIRING);

        var again = admin.post("/api/v1/admin/accounts/" + acc.getId() + "/units",
                Map.of("serialNumber", serial, "model", "FGT60F", "family", "FortiGate"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();

        var bad = admin.post("/api/v1/admin/accounts/" + acc.getId() + "/units", Map.of("serialNumber", serial(),
                "model", "FGT60F", "family", "FortiGate",
                "services", List.of(Map.of("service", "FC247", "startDate", "2026-10-09", "endDate", "2026-10-01"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("must end after it starts");
    }

    @Test
    void customerListsOwnUnitsAndOthersGet404() {
        var alice = new ApiClient(port, "demo-alice");
        var acme = accountRepository.findAllByOrderByName().stream().filter(a -> a.getName().equals("Acme")).findFirst().orElseThrow();
        var r = alice.get("/api/v1/accounts/" + acme.getId() + "/units");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().size()).isGreaterThan(5);
        assertThat(r.json().get(0).get("services").get(0).get("status").asString()).isNotBlank();
        var expired = alice.get("/api/v1/accounts/" + acme.getId() + "/units?expiry=EXPIRED");
        assertThat(expired.json().valueStream().map(n -> n.get("serialNumber").asString())).contains("FGT40FTK20010004");
        assertThat(expired.json().valueStream().map(n -> n.get("serialNumber").asString())).doesNotContain("FGT60FTK20010001");

        var bob = new ApiClient(port, "demo-bob").get("/api/v1/accounts/" + acme.getId() + "/units");
        assertThat(bob.status()).isEqualTo(404);
        assertThat(bob.isProblem()).isTrue();
        var pat = new ApiClient(port, "demo-pat").get("/api/v1/accounts/" + acme.getId() + "/units");
        assertThat(pat.status()).isEqualTo(404);
        var notAdmin = alice.post("/api/v1/admin/accounts/" + acme.getId() + "/units", Map.of("serialNumber", serial()));
        assertThat(notAdmin.status()).isEqualTo(403);
    }

    @Test
    void csvImportIsAllOrNothingAndReportsLines() {
        Account acc = accounts.create("CSV " + UUID.randomUUID(), AccountType.CUSTOMER, Region.EMEA);
        String a = serial();
        String b = serial();
        String bad = InstalledBaseService.CSV_HEADER + "\n"
                + a + ",FortiGate,FGT60F,HQ,,FC247,2026-01-01,2027-01-01,\n"
                + a + ",FortiGate,FGT60F,HQ,,UTP,2026-01-01,2027-01-01,\n"
                + b + ",FortiGate,FGT60F,,,FC247,2026-13-01,2027-01-01,\n"
                + "X,FortiGate,FGT60F,,,,,,\n";
        ImportResult r = service.importCsv(acc.getId(), bad);
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).hasSize(2);
        assertThat(r.errors().get(0)).startsWith("Line 4:").contains("not a date");
        assertThat(r.errors().get(1)).startsWith("Line 5:").contains("serial number");
        assertThat(base.countUnits(acc.getId())).isZero();

        String good = InstalledBaseService.CSV_HEADER + "\r\n"
                + a + ",FortiGate,FGT60F,\"HQ, floor 2\",,FC247,2026-01-01,2027-01-01,\r\n"
                + a + ",FortiGate,FGT60F,\"HQ, floor 2\",,UTP,2026-01-01,2027-01-01,\r\n"
                + b + ",FortiSwitch,FS-148F,,,,,,\r\n";
        ImportResult ok = service.importCsv(acc.getId(), good);
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.created()).isEqualTo(2);
        assertThat(ok.contracts()).isEqualTo(2);
        assertThat(base.findBySerial(a, businessClock.today()).orElseThrow().location()).isEqualTo("HQ, floor 2");
    }

    @Test
    void priceListIsReadableByAnyCaller() {
        var r = new ApiClient(port, "demo-alice").get("/api/v1/price-list?model=FGT60F");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().valueStream().map(n -> n.get("service").asString())).contains("FC247", "UTP", "ENT", "ATP", "PRMA");
        assertThat(r.json().valueStream().map(n -> n.get("termMonths").asInt())).contains(12, 36, 60);
        assertThat(r.json().valueStream().allMatch(n -> n.get("model").asString().equals("FGT60F"))).isTrue();
        var all = new ApiClient(port, "demo-staff").get("/api/v1/price-list");
        assertThat(all.json().size()).isGreaterThan(100);
    }
}
