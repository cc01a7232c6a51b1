package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.accounts.AccountLock;
import com.fortinet.marketplace.idempotency.Idempotency;
import com.fortinet.marketplace.idempotency.IdempotentRequest;
import com.fortinet.marketplace.points.Allocation;
import com.fortinet.marketplace.points.InsufficientPointsException;
import com.fortinet.marketplace.points.LedgerKind;
import com.fortinet.marketplace.points.SpendRequest;
import com.fortinet.marketplace.points.SpendResult;
import com.fortinet.marketplace.points.SpendingService;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * FortiPoints → the account's prepaid FortiFlex program. The FortiPoints debit (through the spending service, FIFO by
 * expiry), the transfer row and the FortiFlex credit are written in one transaction: all or nothing.
 */
@Service
public class FlexTransferService {

    /** The FortiPoints ledger row records the request's key behind this prefix. */
    static final String KEY_PREFIX = "flex:";

    private final FlexPrograms programs;
    private final FlexLedger ledger;
    private final FlexTransfers transfers;
    private final FlexRollOver rollOver;
    private final SpendingService spending;
    private final AccountLock accountLock;
    private final Idempotency idempotency;
    private final BusinessClock clock;
    private final FlexPoints rate;

    public FlexTransferService(FlexPrograms programs, FlexLedger ledger, FlexTransfers transfers, FlexRollOver rollOver,
                               SpendingService spending, AccountLock accountLock, Idempotency idempotency,
                               BusinessClock clock,
                               FlexProperties properties) {
        this.programs = programs;
        this.ledger = ledger;
        this.transfers = transfers;
        this.rollOver = rollOver;
        this.spending = spending;
        this.accountLock = accountLock;
        this.idempotency = idempotency;
        this.clock = clock;
        this.rate = TransferRules.rate(properties.pointsPerFortipoint()); // fails at start-up on a bad rate, not at the first transfer
    }

    /** FortiFlex points per FortiPoint. */
    public FlexPoints rate() {
        return rate;
    }

    /** What a transfer would do, without writing anything. {@code shortfall} > 0: not enough FortiPoints. */
    public record Preview(FlexProgram program, long fortiPoints, FlexPoints flexPoints, FlexPoints rate,
                          List<Allocation> allocations, long fortiPointsBefore, long fortiPointsAfter, FlexPoints flexBefore,
                          FlexPoints flexAfter,
                          LocalDate anniversaryDate, long shortfall, String shortfallMessage) {
        public boolean sufficient() {
            return shortfall == 0;
        }
    }

    public record Result(FlexTransfer transfer, long fortiPointsBalanceAfter, FlexPoints flexBalanceAfter,
                         List<Allocation> allocations, boolean replayed) {
        Result asReplay() {
            return new Result(transfer, fortiPointsBalanceAfter, flexBalanceAfter, allocations, true);
        }
    }

    public long fortiPointsBalance(long accountId) {
        return spending.balance(accountId);
    }

    public Optional<PrepaidCredit.Refusal> refusal(long accountId) {
        return TransferRules.refusal(programs.findByAccount(accountId).orElse(null), clock.today());
    }

    public Preview preview(long accountId, long points) {
        LocalDate today = clock.today();
        FlexProgram program = programs.findByAccount(accountId).orElse(null);
        TransferRules.requireTransferable(program, today);
        TransferRules.requireValid(BigDecimal.valueOf(points));
        FlexPoints flexPoints = TransferRules.flexPoints(points, rate);
        long before = spending.balance(accountId);
        FlexPoints flexBefore = ledger.balance(program.id());
        List<Allocation> allocations = List.of();
        long shortfall = 0;
        String message = null;
        try {
            allocations = spending.previewAllocation(accountId, points);
        } catch (InsufficientPointsException e) {
            shortfall = Math.max(1, e.shortfall());
            message = e.getMessage();
        }
        return new Preview(program, points, flexPoints, rate, allocations, before, before - points, flexBefore,
                flexBefore.plus(flexPoints), program.nextAnniversary(today), shortfall, message);
    }

    public Result transfer(long accountId, long points, String idempotencyKey, long userId, String userEmail) {
        return transfer(accountId, BigDecimal.valueOf(points), idempotencyKey, userId, userEmail);
    }

    /**
     * Checks in the order a caller can act on: a repeated key answers the first transfer (even if the program has
     * ended since; see {@link Idempotency}); then the program (422); then the amount (400); then the FortiPoints
     * balance (422).
     */
    public Result transfer(long accountId, BigDecimal requestedPoints, String idempotencyKey, long userId, String userEmail) {
        String key = validKey(idempotencyKey);
        var outcome = idempotency.run(IdempotentRequest.of(accountId, key, "flex-transfer",
                        requestedPoints == null ? null : requestedPoints.stripTrailingZeros().toPlainString()),
                Result.class, () -> transferLocked(accountId, requestedPoints, key, userId, userEmail));
        return outcome.replayed() ? outcome.result().asReplay() : outcome.result();
    }

    private Result transferLocked(long accountId, BigDecimal requestedPoints, String key, long userId, String userEmail) {
        accountLock.lock(accountId);
        LocalDate today = clock.today();
        FlexProgram program = programs.findByAccountForUpdate(accountId).orElse(null);
        TransferRules.requireTransferable(program, today);
        long points = TransferRules.requireValid(requestedPoints);
        FlexPoints flexPoints = TransferRules.flexPoints(points, rate);
        rollOver.applyDue(program, today);

        SpendResult spent = spending.spend(new SpendRequest(accountId, points, LedgerKind.FLEX_TRANSFER,
                "FortiFlex " + program.serialNumber(), KEY_PREFIX + key));
        LocalDate anniversary = program.nextAnniversary(today);
        FlexTransfer saved = transfers.insert(accountId, program, points, flexPoints, rate, anniversary, key,
                spent.ledgerEntryId(), userId, userEmail, clock.now());
        var credit = ledger.appendRow(program.id(), FlexLedgerKind.TRANSFER_IN, flexPoints, today,
                FlexRollOver.fmt(points) + " FortiPoints transferred at " + TransferRules.rateText(rate) + " per FortiPoint",
                saved.id(), null);
        return new Result(saved, spent.balanceAfter(), credit.balanceAfter(), spent.allocations(), false);
    }

    private static String validKey(String raw) {
        String key = Idempotency.validKey(raw);
        if (key == null) {
            throw new InvalidInputException(Idempotency.HEADER, "A transfer needs an idempotency key: reload the page, or "
                    + "send an Idempotency-Key header.");
        }
        return key;
    }
}
