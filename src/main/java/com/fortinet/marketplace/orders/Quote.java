package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.installedbase.InstalledBase;

import java.time.LocalDate;
import java.util.List;

/** A priced order before anything is paid: what the preview shows and what placing re-computes under the lock. */
public record Quote(long accountId, long payingAccountId, OrderType type, LocalDate today, LocalDate targetEndDate,
                    List<Line> lines, long balance) {

    public record Line(int lineNo, Long unitId, String serialNumber, String model, String family, String service,
                       String newService, Integer termMonths, LocalDate previousEnd, Long previousContractId,
                       LocalDate startDate, LocalDate endDate, long backdatedDays, long forwardDays, long listPrice,
                       long points, String explanation, String refusal, InstalledBase.Kind kind, String omission) {

        /**
         * What a line asks for: the unit it names and the service. Unit id, model and family stay null for a line
         * refused before its serial is matched to one of the account's units.
         */
        public record Item(int lineNo, Long unitId, String serialNumber, String model, String family, String service,
                           String newService, Integer termMonths) {

            static Item unmatched(int lineNo, String serialNumber, String service, String newService, Integer termMonths) {
                return new Item(lineNo, null, serialNumber, null, null, service, newService, termMonths);
            }
        }

        /** The contract a line continues (or replaces) and its end; both null when the unit has none of the service. */
        public record Previous(LocalDate end, Long contractId) {
        }

        /**
         * What a line buys: its dates, how many days before today it starts (backdated) and after today it runs, the
         * list price it was worked out from, the points charged and how they were arrived at.
         */
        public record Terms(LocalDate startDate, LocalDate endDate, long backdatedDays, long forwardDays, long listPrice,
                            long points, String explanation, InstalledBase.Kind kind) {
        }

        static Line priced(Item item, Previous previous, Terms terms) {
            return new Line(item.lineNo(), item.unitId(), item.serialNumber(), item.model(), item.family(), item.service(),
                    item.newService(), item.termMonths(), previous.end(), previous.contractId(), terms.startDate(),
                    terms.endDate(), terms.backdatedDays(), terms.forwardDays(), terms.listPrice(), terms.points(),
                    terms.explanation(), null, terms.kind(), null);
        }

        /** Left out with a reason (co-term: covered to the date already); buys nothing. */
        static Line omitted(Item item, Previous previous, String omission) {
            return new Line(item.lineNo(), item.unitId(), item.serialNumber(), item.model(), item.family(), item.service(),
                    item.newService(), item.termMonths(), previous.end(), previous.contractId(), null, null, 0, 0, 0, 0,
                    null, null, null, omission);
        }

        static Line refused(Item item, String refusal) {
            return new Line(item.lineNo(), item.unitId(), item.serialNumber(), item.model(), item.family(), item.service(),
                    item.newService(), item.termMonths(), null, null, null, null, 0, 0, 0, 0, null, refusal, null, null);
        }

        public boolean refused() {
            return refusal != null;
        }

        /** Left out of the order with a reason (co-term: already covered to the date): not a refusal, nothing bought. */
        public boolean omitted() {
            return omission != null;
        }

        /** A line the order buys. */
        public boolean placed() {
            return !refused() && !omitted();
        }

        public String label() {
            return (serialNumber == null || serialNumber.isBlank() ? "(no serial)" : serialNumber) + " "
                    + (service == null ? "" : service) + (newService == null ? "" : " → " + newService);
        }
    }

    public long total() {
        return placedLines().stream().mapToLong(Line::points).sum();
    }

    /** The lines the order buys: neither refused nor left out. */
    public List<Line> placedLines() {
        return lines.stream().filter(Line::placed).toList();
    }

    public long omittedLines() {
        return lines.stream().filter(Line::omitted).count();
    }

    public List<Line> refusals() {
        return lines.stream().filter(Line::refused).toList();
    }

    public boolean hasRefusals() {
        return lines.stream().anyMatch(Line::refused);
    }

    public boolean sufficient() {
        return balance >= total();
    }

    public long shortfall() {
        return Math.max(0, total() - balance);
    }

    public long balanceAfter() {
        return balance - total();
    }

    public boolean placeable() {
        return !placedLines().isEmpty() && !hasRefusals() && sufficient() && total() > 0;
    }

    public long backdatedLines() {
        return lines.stream().filter(l -> l.backdatedDays() > 0).count();
    }

    public String refusalSummary() {
        StringBuilder b = new StringBuilder();
        for (Line l : refusals()) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append("Line ").append(l.lineNo()).append(" (").append(l.label().trim()).append("): ").append(l.refusal());
        }
        return b.toString();
    }
}
