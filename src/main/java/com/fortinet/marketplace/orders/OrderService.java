package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.web.TextRules;
import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountLock;
import com.fortinet.marketplace.accounts.PartnerLinks;
import com.fortinet.marketplace.idempotency.Idempotency;
import com.fortinet.marketplace.idempotency.IdempotentRequest;
import com.fortinet.marketplace.installedbase.InstalledBase;
import com.fortinet.marketplace.points.LedgerKind;
import com.fortinet.marketplace.points.SpendRequest;
import com.fortinet.marketplace.points.SpendResult;
import com.fortinet.marketplace.points.SpendingService;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;

/** Previews and places marketplace orders: scope, paying account, pricing, contracts and the charge in one place. */
@Service
public class OrderService {

    public static final int MAX_LINES = 500;

    private final AccountScope scope;
    private final PartnerLinks links;
    private final OrderPricing pricing;
    private final Orders orders;
    private final InstalledBase base;
    private final SpendingService spending;
    private final AccountLock accountLock;
    private final Idempotency idempotency;
    private final BusinessClock clock;

    public OrderService(AccountScope scope, PartnerLinks links, OrderPricing pricing, Orders orders, InstalledBase base,
                        SpendingService spending, AccountLock accountLock, Idempotency idempotency, BusinessClock clock) {
        this.scope = scope;
        this.links = links;
        this.pricing = pricing;
        this.orders = orders;
        this.base = base;
        this.spending = spending;
        this.accountLock = accountLock;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public record Placed(OrderView order, boolean replayed) {
    }

    /** Read-only preview; anyone who can see the account may preview (read-only users see prices too). */
    public Quote preview(PortalUser user, OrderRequest request) {
        scope.requireVisible(user, request.accountId());
        long paying = payingAccount(user, request, false);
        checkSize(request);
        return pricing.quote(request, clock.today(), spending.balance(paying));
    }

    /** Accounts the user may pay from for orders on {@code accountId}: the account itself, and a partner's own. */
    public List<Account> payingAccountsFor(PortalUser user, long accountId) {
        Account account = scope.requireVisible(user, accountId);
        if (user.isPartner() && user.accountId() != null && user.accountId() != accountId
                && links.manages(user.accountId(), accountId)) {
            return List.of(account, scope.requireVisible(user, user.accountId()));
        }
        return List.of(account);
    }

    /**
     * Atomic and idempotent: the same key (per paying account) and request answer the first order again (see
     * {@link Idempotency}). Under the lock of the accounts it re-prices, writes the order, its lines and the new
     * contracts, then charges the paying account; any failure rolls everything back. The transaction is READ
     * COMMITTED, so the re-pricing after the lock sees what an order committed just before it (no stale snapshot).
     */
    public Placed place(PortalUser user, OrderRequest request, String idempotencyKey) {
        return place(user, request, idempotencyKey, null);
    }

    /**
     * As above; with {@code previewed} (the marketplace page) the order is placed only if, under the lock, every line's
     * dates and points are still those the user saw; otherwise {@link PreviewChangedException} and nothing changes.
     */
    public Placed place(PortalUser user, OrderRequest request, String idempotencyKey, PreviewSnapshot previewed) {
        scope.checkWritable(user, request.accountId());
        long paying = payingAccount(user, request, true);
        String key = Idempotency.validKey(idempotencyKey);
        if (key == null) {
            throw new InvalidInputException(Idempotency.HEADER, "Send an idempotency key with the order (the Idempotency-Key header).");
        }
        checkSize(request);
        var outcome = idempotency.run(IdempotentRequest.of(paying, key, "order", request), OrderView.class,
                () -> placeLocked(user, request, paying, key, previewed));
        return new Placed(outcome.result(), outcome.replayed());
    }

    private OrderView placeLocked(PortalUser user, OrderRequest request, long paying, String key, PreviewSnapshot previewed) {
        // Lock both accounts in id order: the unit's account (its contracts) and the payer (its points).
        accountLock.lockBoth(request.accountId(), paying);
        LocalDate today = clock.today();
        // The payer's packs, locked and read once: the quote's balance and, below, the charge.
        var points = spending.lockSpendable(paying);
        Quote quote = pricing.quote(request, today, points.balance());
        if (quote.lines().isEmpty()) {
            throw new InvalidInputException("lines", "Choose at least one unit and service.");
        }
        if (previewed != null) {
            List<String> changes = previewed.differences(PreviewSnapshot.of(quote));
            if (!changes.isEmpty()) {
                throw new PreviewChangedException(changes);
            }
        }
        if (quote.hasRefusals()) {
            throw new BusinessRuleException("Order refused", quote.refusalSummary() + " Nothing was charged.");
        }
        if (quote.placedLines().isEmpty()) {
            throw new BusinessRuleException("Nothing to order", "Every line is already covered to the co-term date "
                    + quote.targetEndDate() + " or beyond, so there is nothing to buy. Choose a later date. Nothing was charged.");
        }
        if (quote.total() < 1) {
            throw new BusinessRuleException("Nothing to pay", "These lines cost 0 points; there is nothing to order.");
        }
        String txn = orders.nextTransactionNumber(today.getYear());
        String description = description(request.description());
        // First: throws InsufficientPointsException (422) when the balance can't pay, before any row of the order.
        SpendResult charge = spending.spend(points, new SpendRequest(paying, quote.total(), LedgerKind.ORDER_CHARGED, txn,
                "order:" + key));
        long orderId = orders.insert(Orders.NewOrder.of(txn, quote, paying, key).describedAs(description)
                .placedBy(user.userId(), user.email()).chargedBy(charge.ledgerEntryId()));
        for (Quote.Line line : quote.placedLines()) {
            var contract = base.insertContract(InstalledBase.NewContract.of(line.unitId(),
                            line.newService() != null ? line.newService() : line.service(), line.startDate(), line.endDate())
                    .following(line.kind(), line.previousContractId())
                    .paidWithPoints(orderId, line.points()));
            if (line.kind() == InstalledBase.Kind.UPGRADE) {
                base.endEarly(line.previousContractId(), today);
            }
            orders.insertLine(orderId, line, contract.id());
        }
        return orders.find(txn).orElseThrow();
    }

    /** The order if the user may see its account or its paying account; else 404 (numbers can't be probed). */
    public OrderView get(PortalUser user, String transactionNumber) {
        OrderView o = orders.find(transactionNumber == null ? "" : transactionNumber.trim().toUpperCase())
                .orElseThrow(() -> new NotFoundException("Order " + transactionNumber + " was not found."));
        if (!scope.canSee(user, o.accountId()) && !scope.canSee(user, o.payingAccountId())) {
            throw new NotFoundException("Order " + transactionNumber + " was not found.");
        }
        return o;
    }

    private long payingAccount(PortalUser user, OrderRequest request, boolean forWriting) {
        Long requested = request.payingAccountId();
        if (requested == null || requested == request.accountId()) {
            return request.accountId();
        }
        scope.requireVisible(user, requested);
        boolean partnersOwn = user.isPartner() && user.accountId() != null && user.accountId().longValue() == requested
                && links.manages(requested, request.accountId());
        if (!partnersOwn) {
            throw new InvalidInputException("payingAccountId", "The paying account is the account that owns the units, "
                    + "or your own partner account when you buy for a customer you manage.");
        }
        if (forWriting) {
            scope.requireWritable(user, requested);
        }
        return requested;
    }

    private static void checkSize(OrderRequest request) {
        if (request.lines() != null && request.lines().size() > MAX_LINES) {
            throw new InvalidInputException("lines", "An order has at most " + MAX_LINES + " lines; split it.");
        }
    }

    private static String description(String d) {
        String t = TextRules.text("description", "Descriptions", d);
        if (t == null || t.isEmpty()) {
            return null;
        }
        if (t.length() > 500) {
            throw new InvalidInputException("description", "The description is at most 500 characters.");
        }
        return t;
    }
}
