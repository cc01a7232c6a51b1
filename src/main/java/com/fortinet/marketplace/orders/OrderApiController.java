package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.idempotency.Idempotency;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/orders")
class OrderApiController {

    private final OrderService service;

    OrderApiController(OrderService service) {
        this.service = service;
    }

    record LineBody(String serialNumber, String service, Integer termMonths, String newService) {
    }

    record OrderBody(Long accountId, Long payingAccountId, OrderType type, LocalDate targetEndDate, List<LineBody> lines,
                     String description) {
        OrderRequest toRequest() {
            if (accountId == null) {
                throw new InvalidInputException("accountId", "Give the accountId that owns the units.");
            }
            if (type == null) {
                throw new InvalidInputException("type", "Give the order type: RENEW, COTERM or UPGRADE.");
            }
            if (lines == null || lines.isEmpty()) {
                throw new InvalidInputException("lines", "Give at least one line {serialNumber, service}.");
            }
            return new OrderRequest(accountId, payingAccountId, type, targetEndDate, lines.stream()
                    .map(l -> new OrderRequest.Line(l.serialNumber(), l.service(), l.termMonths(), l.newService())).toList(),
                    description);
        }
    }

    record PreviewLine(int line, String serialNumber, String service, String newService, Integer termMonths,
                       LocalDate previousEndDate, LocalDate startDate, LocalDate endDate, long backdatedDays,
                       long forwardDays, long points, String explanation) {
    }

    record PreviewJson(long accountId, long payingAccountId, OrderType type, LocalDate targetEndDate,
                       List<PreviewLine> lines, long totalPoints, long balance, long balanceAfter, boolean sufficient,
                       long shortfall) {
    }

    @PostMapping("/preview")
    PreviewJson preview(@AuthenticationPrincipal PortalUser me, @RequestBody OrderBody body) {
        Quote q = service.preview(me, body.toRequest());
        refuseIfNeeded(q);
        return new PreviewJson(q.accountId(), q.payingAccountId(), q.type(), q.targetEndDate(),
                q.lines().stream().map(l -> new PreviewLine(l.lineNo(), l.serialNumber(), l.service(), l.newService(),
                        l.termMonths(), l.previousEnd(), l.startDate(), l.endDate(), l.backdatedDays(), l.forwardDays(),
                        l.points(), l.omitted() ? l.omission() : l.explanation())).toList(),
                q.total(), q.balance(), q.balanceAfter(), q.sufficient(), q.shortfall());
    }

    @PostMapping
    ResponseEntity<OrderJson> place(@AuthenticationPrincipal PortalUser me, @RequestBody OrderBody body,
                                    @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        OrderRequest request = body.toRequest();
        if (key == null || key.isBlank()) {
            // Refusals are reported before asking for a key, so a script learns about both problems at once.
            refuseIfNeeded(service.preview(me, request));
        }
        var placed = service.place(me, request, key);
        return ResponseEntity.created(URI.create("/api/v1/orders/" + placed.order().transactionNumber()))
                .headers(Idempotency.replayHeaders(placed.replayed()))
                .body(OrderJson.of(placed.order()));
    }

    @GetMapping("/{transactionNumber}")
    OrderJson get(@AuthenticationPrincipal PortalUser me, @PathVariable String transactionNumber) {
        return OrderJson.of(service.get(me, transactionNumber));
    }

    private static void refuseIfNeeded(Quote q) {
        if (q.hasRefusals()) {
            throw new LineRefusals(q);
        }
    }

    /** 422 with one error per refused line, so a script can fix exactly those lines. */
    static class LineRefusals extends BusinessRuleException {
        final Quote quote;

        LineRefusals(Quote q) {
            super("Order refused", q.refusalSummary());
            this.quote = q;
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(LineRefusals.class)
    ProblemDetail refused(LineRefusals e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        p.setTitle(e.title());
        p.setProperty("errors", e.quote.refusals().stream().map(l -> Map.of("line", l.lineNo(),
                "serialNumber", String.valueOf(l.serialNumber()), "service", String.valueOf(l.service()),
                "message", l.refusal())).toList());
        return p;
    }

    record LineJson(int line, String serialNumber, String model, String service, String newService, Integer termMonths,
                    LocalDate previousEndDate, LocalDate startDate, LocalDate endDate, int backdatedDays,
                    int forwardDays, long points, String contractNumber, String explanation) {
    }

    record OrderJson(String transactionNumber, String status, OrderType type, long accountId, long payingAccountId,
                     long totalPoints, String description, LocalDate targetEndDate, LocalDate date, Instant createdAt,
                     String createdBy, List<LineJson> lines) {
        static OrderJson of(OrderView o) {
            return new OrderJson(o.transactionNumber(), o.status(), o.type(), o.accountId(), o.payingAccountId(),
                    o.totalPoints(), o.description(), o.targetEndDate(), o.businessDate(), o.createdAt(), o.createdBy(),
                    o.lines().stream().map(l -> new LineJson(l.lineNo(), l.serialNumber(), l.model(), l.service(),
                            l.newService(), l.termMonths(), l.previousEndDate(), l.startDate(), l.endDate(),
                            l.backdatedDays(), l.forwardDays(), l.points(), l.contractNumber(), l.explanation())).toList());
        }
    }
}
