package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.forticare.ContinuousServicePolicy;
import com.fortinet.marketplace.forticare.ItemRules;
import com.fortinet.marketplace.installedbase.Coverage;
import com.fortinet.marketplace.installedbase.InstalledBase;
import com.fortinet.marketplace.installedbase.Unit;
import com.fortinet.marketplace.pricing.PriceList;
import com.fortinet.marketplace.pricing.Prices;
import com.fortinet.marketplace.web.Formats;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a request into priced lines with the rules of DESIGN §3 (policy, co-term, upgrade, hardware, PRMA). Reads
 * only: the preview calls it freely; placing calls it again under the account lock.
 */
@Service
public class OrderPricing {

    public static final int DEFAULT_TERM = 12;

    private final InstalledBase base;
    private final PriceList priceList;

    public OrderPricing(InstalledBase base, PriceList priceList) {
        this.base = base;
        this.priceList = priceList;
    }

    public Quote quote(OrderRequest request, LocalDate today, long balance) {
        OrderType type = request.type() == null ? OrderType.RENEW : request.type();
        List<OrderRequest.Line> lines = request.lines() == null ? List.of() : request.lines();
        Map<String, Unit> units = base.bySerials(lines.stream().map(OrderRequest.Line::serialNumber)
                        .filter(s -> s != null && !s.isBlank()).toList(), today)
                .stream().collect(Collectors.toMap(Unit::serialNumber, Function.identity()));
        Prices prices = priceList.forModels(units.values().stream().map(Unit::model).collect(Collectors.toSet()));
        LocalDate target = request.targetEndDate();
        if (type == OrderType.COTERM && target == null) {
            target = CoTerm.defaultTarget(lines.stream().map(l -> currentEnd(units.get(upper(l.serialNumber())), upper(l.service())))
                    .toList(), today).orElse(null);
        }
        List<Quote.Line> priced = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int no = 0;
        for (OrderRequest.Line l : lines) {
            no++;
            String serial = upper(l.serialNumber());
            String service = upper(l.service());
            String newService = upper(l.newService());
            Integer term = l.termMonths();
            Optional<String> early = basicRefusal(request.accountId(), units.get(serial), serial, service, newService, type, seen);
            if (early.isPresent()) {
                priced.add(Quote.Line.refused(Quote.Line.Item.unmatched(no, serial, service, newService, term), early.get()));
                continue;
            }
            Unit unit = units.get(serial);
            priced.add(switch (type) {
                case RENEW -> renew(no, unit, service, term == null ? DEFAULT_TERM : term, today, prices);
                case COTERM -> coterm(no, unit, service, target, today, prices);
                case UPGRADE -> upgrade(no, unit, service, newService, today, prices);
            });
        }
        return new Quote(request.accountId(), request.payingAccount(), type, today, target, priced, balance);
    }

    private Optional<String> basicRefusal(long accountId, Unit unit, String serial, String service, String newService,
                                          OrderType type, Set<String> seen) {
        if (serial == null) {
            return Optional.of("Enter the unit's serial number.");
        }
        if (ItemRules.isHardware(service) || ItemRules.isHardware(newService)) {
            return Optional.of(ItemRules.HARDWARE_REFUSED);
        }
        if (service == null) {
            return Optional.of("Choose the service to " + (type == OrderType.UPGRADE ? "upgrade" : "renew") + ".");
        }
        // Same answer for "unknown" and "someone else's unit": serials of other accounts must not be probed.
        if (unit == null || unit.accountId() != accountId) {
            return Optional.of("Serial number " + serial + " is not registered on this account. Register the unit first; "
                    + "all lines of an order belong to one account.");
        }
        if (!seen.add(serial + "/" + service)) {
            return Optional.of(service + " for " + serial + " is already on another line of this order.");
        }
        String bought = type == OrderType.UPGRADE ? newService : service;
        if (ItemRules.PRMA.equals(bought)) {
            Optional<String> prma = ItemRules.prmaRefusal(unit.location(), unit.endOfSupport());
            if (prma.isPresent()) {
                return prma;
            }
        }
        return Optional.empty();
    }

    private Quote.Line renew(int no, Unit unit, String service, int term, LocalDate today, Prices prices) {
        Optional<Coverage> current = unit.coverageOf(service);
        LocalDate end = current.map(Coverage::endDate).orElse(null);
        if (!PriceList.TERMS.contains(term)) {
            return refused(no, unit, service, null, term, "The term is 12, 36 or 60 months.");
        }
        Optional<Long> price = prices.price(unit.model(), service, term);
        if (price.isEmpty()) {
            return refused(no, unit, service, null, term, noPrice(unit, service, term));
        }
        var r = ContinuousServicePolicy.renew(end, today, term);
        Optional<String> eos = EndOfSupport.refusal(r.end(), unit.endOfSupport());
        if (eos.isPresent()) {
            return refused(no, unit, service, null, term, eos.get());
        }
        return Quote.Line.priced(item(no, unit, service, null, term), previous(current),
                new Quote.Line.Terms(r.startDate(), r.end(), r.backdatedDays(), r.forwardDays(), price.get(), price.get(),
                        ContinuousServicePolicy.explain(r.start(), today),
                        end == null ? InstalledBase.Kind.NEW : InstalledBase.Kind.RENEWAL));
    }

    private Quote.Line coterm(int no, Unit unit, String service, LocalDate target, LocalDate today, Prices prices) {
        Optional<Coverage> current = unit.coverageOf(service);
        LocalDate end = current.map(Coverage::endDate).orElse(null);
        Optional<String> refusal = CoTerm.refusal(end, today, target);
        if (refusal.isPresent()) {
            return refused(no, unit, service, null, null, refusal.get());
        }
        Optional<String> leftOut = CoTerm.leftOut(end, target);
        if (leftOut.isPresent()) {
            return Quote.Line.omitted(item(no, unit, service, null, null), previous(current), leftOut.get());
        }
        Optional<String> eos = EndOfSupport.refusal(target, unit.endOfSupport());
        if (eos.isPresent()) {
            return refused(no, unit, service, null, null, eos.get());
        }
        Optional<Long> annual = prices.annual(unit.model(), service);
        if (annual.isEmpty()) {
            return refused(no, unit, service, null, null, noPrice(unit, service, 12));
        }
        CoTerm.Line c = CoTerm.price(end, today, target, annual.get());
        String explanation = ContinuousServicePolicy.explain(c.start(), today) + "; co-termed to " + target + " ("
                + Formats.days(c.days()) + " at " + Formats.points(annual.get()) + " a year)";
        return Quote.Line.priced(item(no, unit, service, null, null), previous(current),
                new Quote.Line.Terms(c.start().date(), target, Math.max(0, Proration.days(c.start().date(), today)),
                        Proration.days(today, target), annual.get(), c.points(), explanation,
                        end == null ? InstalledBase.Kind.NEW : InstalledBase.Kind.COTERM));
    }

    private Quote.Line upgrade(int no, Unit unit, String service, String newService, LocalDate today,
                               Prices prices) {
        Optional<Coverage> current = unit.coverageOf(service).filter(c -> c.status() != com.fortinet.marketplace.installedbase.CoverageStatus.UPGRADED);
        LocalDate end = current.map(Coverage::endDate).orElse(null);
        Optional<String> refusal = Upgrade.refusal(service, newService, end, today);
        if (refusal.isPresent()) {
            return refused(no, unit, service, newService, null, refusal.get());
        }
        Optional<Coverage> already = unit.coverageOf(newService);
        if (already.isPresent() && !already.get().endDate().isBefore(end)) {
            return refused(no, unit, service, newService, null, "Already covered by " + newService + " until "
                    + already.get().endDate() + ".");
        }
        Optional<String> eos = EndOfSupport.refusal(end, unit.endOfSupport());
        if (eos.isPresent()) {
            return refused(no, unit, service, newService, null, eos.get());
        }
        Optional<Long> from = prices.annual(unit.model(), service);
        Optional<Long> to = prices.annual(unit.model(), newService);
        if (from.isEmpty() || to.isEmpty()) {
            return refused(no, unit, service, newService, null, noPrice(unit, from.isEmpty() ? service : newService, 12));
        }
        long cost = Upgrade.cost(from.get(), to.get(), today, end);
        long days = Proration.days(today, end);
        String explanation = "upgrades " + service + " to " + newService + " for the " + Formats.days(days) + " left until " + end
                + " (difference " + Formats.points(to.get() - from.get()) + " a year); " + service + " ends today";
        return Quote.Line.priced(item(no, unit, service, newService, null), previous(current),
                new Quote.Line.Terms(today, end, 0, days, to.get() - from.get(), cost, explanation, InstalledBase.Kind.UPGRADE));
    }

    private static Quote.Line refused(int no, Unit unit, String service, String newService, Integer term, String message) {
        return Quote.Line.refused(item(no, unit, service, newService, term), message);
    }

    private static Quote.Line.Item item(int no, Unit unit, String service, String newService, Integer term) {
        return new Quote.Line.Item(no, unit.id(), unit.serialNumber(), unit.model(), unit.family(), service, newService, term);
    }

    private static Quote.Line.Previous previous(Optional<Coverage> current) {
        return new Quote.Line.Previous(current.map(Coverage::endDate).orElse(null),
                current.map(Coverage::contractId).orElse(null));
    }

    private static String noPrice(Unit unit, String service, int term) {
        return "There is no price for " + service + " on a " + unit.model() + " for " + term
                + " months: this service isn't sold for this model.";
    }

    private static LocalDate currentEnd(Unit unit, String service) {
        return unit == null || service == null ? null : unit.coverageOf(service).map(Coverage::endDate).orElse(null);
    }

    static String upper(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
