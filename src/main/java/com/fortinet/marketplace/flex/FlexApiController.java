package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.idempotency.Idempotency;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.NotFoundException;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** DESIGN §7: the account's FortiFlex program, transfers to it, and (admin) registering a program. */
@RestController
@RequestMapping("/api/v1")
class FlexApiController {

    private final AccountScope scope;
    private final FlexProgramService programs;
    private final FlexTransferService transfers;
    private final FlexLedger ledger;
    private final BusinessClock clock;
    private final FlexPackRegistration packs;
    private final FlexPacks packRows;
    private final ObjectProvider<ProgramUsage> usage;
    private final FlexTransfers transferRows;

    FlexApiController(AccountScope scope, FlexProgramService programs, FlexTransferService transfers, FlexLedger ledger,
                      BusinessClock clock, FlexPackRegistration packs, FlexPacks packRows, ObjectProvider<ProgramUsage> usage,
                      FlexTransfers transferRows) {
        this.usage = usage;
        this.transferRows = transferRows;
        this.packs = packs;
        this.packRows = packRows;
        this.scope = scope;
        this.programs = programs;
        this.transfers = transfers;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** DESIGN §7; the usage figures come from {@link ProgramUsage} (null if no such feature is present). */
    record ProgramJson(String serialNumber, FlexProgramType type, LocalDate startDate, LocalDate endDate, FlexPoints balance,
                       FlexPoints yearAvailable, FlexPoints yearConsumed, FlexPoints averageDailyBurn, LocalDate runOutDate,
                       FlexPoints todayProvisional, LocalDate anniversaryDate, boolean acceptsTransfers,
                       String transferRefusal) {
    }

    @GetMapping("/accounts/{accountId}/flex-program")
    ProgramJson program(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId) {
        scope.requireVisible(me, accountId);
        FlexProgram p = programs.ofAccount(accountId).orElseThrow(() -> new NotFoundException(
                "Account " + accountId + " has no FortiFlex program."));
        return json(p);
    }

    private ProgramJson json(FlexProgram p) {
        var refusal = TransferRules.refusal(p, clock.today());
        ProgramUsage.Figures f = usage.stream().findFirst().map(u -> u.of(p)).orElse(null);
        return new ProgramJson(p.serialNumber(), p.type(), p.startDate(), p.endDate(),
                ledger.balance(p.id()), f == null ? null : f.yearAvailable(),
                f == null ? null : f.yearConsumed(), f == null ? null : f.averageDailyBurn(),
                f == null ? null : f.runOutDate(), f == null ? null : f.todaySoFar(),
                p.nextAnniversary(clock.today()), refusal.isEmpty(), refusal.map(PrepaidCredit.Refusal::message).orElse(null));
    }

    /** {@code points} is read as written: a JSON whole number (1000), not 1000.0, "1000" or 1e3 (issue 12 item 5). */
    record TransferBody(JsonNode points) {
        BigDecimal wholePoints() {
            if (points == null || points.isNull() || points.isMissingNode()) {
                return null;
            }
            if (!points.isIntegralNumber()) {
                throw new InvalidInputException("points", "'points' is a whole number written as one, e.g. 1000 "
                        + "(not 1000.0, \"1000\" or 1e3).");
            }
            return new BigDecimal(points.bigIntegerValue());
        }
    }

    record TransferJson(long transferId, long fortiPointsSpent, FlexPoints flexPointsAcquired, FlexPoints rate,
                        String programSerialNumber, LocalDate anniversaryDate, long fortiPointsBalance, FlexPoints flexBalance) {
    }

    /** 201 with the transfer; the same Idempotency-Key again answers the first 201 (header Idempotent-Replayed). */
    @PostMapping("/accounts/{accountId}/flex-transfers")
    ResponseEntity<TransferJson> transfer(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                                          @RequestBody(required = false) TransferBody body,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        scope.checkWritable(me, accountId);
        var result = transfers.transfer(accountId, body == null ? null : body.wholePoints(),
                key == null || key.isBlank() ? UUID.randomUUID().toString() : key, me.userId(), me.email());
        FlexTransfer t = result.transfer();
        return ResponseEntity.status(HttpStatus.CREATED).headers(Idempotency.replayHeaders(result.replayed()))
                .header("Location", "/api/v1/accounts/" + accountId + "/flex-transfers/" + t.id())
                .body(new TransferJson(t.id(), t.fortiPointsSpent(), t.flexPointsAcquired(), t.rate(),
                        t.programSerialNumber(), t.anniversaryDate(), result.fortiPointsBalanceAfter(),
                        result.flexBalanceAfter()));
    }

    record TransferView(long transferId, long fortiPointsSpent, FlexPoints flexPointsAcquired, FlexPoints rate,
                        String programSerialNumber, LocalDate anniversaryDate, Instant createdAt) {
    }

    /** The transfer a 201's Location names (the balances after it belong to the 201, not to the transfer). */
    @GetMapping("/accounts/{accountId}/flex-transfers/{transferId}")
    TransferView transfer(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, @PathVariable long transferId) {
        scope.requireVisible(me, accountId);
        FlexTransfer t = transferRows.find(accountId, transferId).orElseThrow(() -> new NotFoundException(
                "FortiFlex transfer " + transferId + " was not found on account " + accountId + "."));
        return new TransferView(t.id(), t.fortiPointsSpent(), t.flexPointsAcquired(), t.rate(), t.programSerialNumber(),
                t.anniversaryDate(), t.createdAt());
    }

    record PackBody(String registrationCode) {
    }

    record PackJson(long packId, String sku, FlexPoints points, String programSerialNumber, LocalDate registeredOn,
                    FlexPoints balance) {
    }

    /**
     * 201 with the pack credited to the prepaid program; the same Idempotency-Key with the same code answers the same
     * again, marked {@code Idempotent-Replayed: true}.
     */
    @PostMapping("/accounts/{accountId}/flex/packs")
    ResponseEntity<PackJson> registerPack(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                                          @RequestBody(required = false) PackBody body,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        var r = packs.register(me, accountId, body == null ? null : body.registrationCode(), key);
        FlexPack p = r.pack();
        var response = ResponseEntity.status(HttpStatus.CREATED).headers(Idempotency.replayHeaders(r.replayed()))
                .header("Location", "/api/v1/accounts/" + accountId + "/flex/packs/" + p.id());
        return response.body(new PackJson(p.id(), p.sku(), p.points(), p.programSerialNumber(), p.registeredOn(), r.balance()));
    }

    @GetMapping("/accounts/{accountId}/flex/packs/{packId}")
    PackJson pack(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, @PathVariable long packId) {
        scope.requireVisible(me, accountId);
        FlexPack p = packRows.find(accountId, packId).orElseThrow(() -> new NotFoundException(
                "FortiFlex points pack " + packId + " was not found on account " + accountId + "."));
        return new PackJson(p.id(), p.sku(), p.points(), p.programSerialNumber(), p.registeredOn(), ledger.balance(p.programId()));
    }

    record NewProgram(FlexProgramType type, LocalDate startDate, LocalDate endDate, String serialNumber) {
    }

    record ProgramCreated(long accountId, String serialNumber, FlexProgramType type, LocalDate startDate,
                          LocalDate endDate, LocalDate anniversaryDate) {
    }

    record ExtensionBody(Integer months) {
    }

    /**
     * Another term (12, 36 or 60 months) registered on the account: 200 with the program and its later end date. The
     * same Idempotency-Key again answers the first extension (Idempotent-Replayed: true) instead of extending twice.
     */
    @PostMapping("/admin/accounts/{accountId}/flex-program/extensions")
    ResponseEntity<ProgramJson> extend(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                                       @RequestBody(required = false) ExtensionBody body,
                                       @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        var r = programs.extend(accountId, body == null ? null : body.months(), key, me.userId());
        return ResponseEntity.ok().headers(Idempotency.replayHeaders(r.replayed())).body(json(r.program()));
    }

    @PostMapping("/admin/accounts/{accountId}/flex-program")
    @ResponseStatus(HttpStatus.CREATED)
    ProgramCreated create(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                          @RequestBody(required = false) NewProgram body) {
        NewProgram b = body == null ? new NewProgram(null, null, null, null) : body;
        FlexProgram p = programs.create(accountId, b.type(), b.serialNumber(), b.startDate(), b.endDate(), me.userId());
        return new ProgramCreated(p.accountId(), p.serialNumber(), p.type(), p.startDate(), p.endDate(),
                p.nextAnniversary(clock.today()));
    }
}
