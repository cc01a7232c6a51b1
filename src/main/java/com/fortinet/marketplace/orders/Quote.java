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

        public Line(int lineNo, Long unitId, String serialNumber, String model, String family, String service,
                    String newService, Integer termMonths, LocalDate previousEnd, Long previousContractId,
                    LocalDate startDate, LocalDate endDate, long backdatedDays, long forwardDays, long listPrice,
                    long points, String explanation, String refusal, InstalledBase.Kind kind) {
            this(lineNo, unitId, serialNumber, model, family, service, newService, termMonths, previousEnd,
                    previousContractId, startDate, endDate, backdatedDays, forwardDays, listPrice, points, explanation,
                    refusal, kind, null);
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

        static Line refused(int no, String serial, String service, String newService, Integer term, String message) {
            return new Line(no, null, serial, null, null, service, newService, term, null, null, null, null, 0, 0, 0, 0,
                    null, message, null);
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
