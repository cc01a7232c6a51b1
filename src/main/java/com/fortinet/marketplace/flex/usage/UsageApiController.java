package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.FlexPoints;
import com.fortinet.marketplace.flex.FlexPrograms;
import com.fortinet.marketplace.web.Csv;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.NotFoundException;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * DESIGN §7 {@code GET /api/v1/accounts/{id}/flex/usage?from=&to=&by=day|entitlement|config} and the same as CSV for
 * the program page ({@code /accounts/{id}/flex/usage.csv}). from and to are inclusive business dates (default: the 30
 * days up to today); rows of days not written yet (today so far) are provisional. Without {@code by}: one row per
 * entitlement and day.
 */
@RestController
class UsageApiController {

    private final AccountScope scope;
    private final FlexPrograms programs;
    private final FlexUsageService usage;
    private final BusinessClock clock;

    UsageApiController(AccountScope scope, FlexPrograms programs, FlexUsageService usage, BusinessClock clock) {
        this.scope = scope;
        this.programs = programs;
        this.usage = usage;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(LocalDate date, String serialNumber, Long configId, FlexPoints points, boolean provisional) {
    }

    record UsageJson(LocalDate from, LocalDate to, String by, List<Row> rows, FlexPoints total) {
    }

    @GetMapping("/api/v1/accounts/{accountId}/flex/usage")
    UsageJson usage(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String by) {
        scope.requireVisible(me, accountId);
        UsageRequest q = UsageRequest.parse(from, to, by, clock.today());
        requireProgram(accountId);
        List<UsageRow> rows = usage.usage(accountId, q.from(), q.to());
        return new UsageJson(q.from(), q.to(), q.by() == null ? null : q.by().name().toLowerCase(java.util.Locale.ROOT),
                rows(rows, q.by()), FlexUsageService.total(rows));
    }

    @GetMapping("/accounts/{accountId}/flex/usage.csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String by) {
        scope.requireVisible(me, accountId);
        UsageRequest q = UsageRequest.parse(from, to, by, clock.today());
        requireProgram(accountId);
        List<Row> rows = rows(usage.usage(accountId, q.from(), q.to()), q.by());
        StringBuilder csv = new StringBuilder(Csv.line("date", "serial_number", "config_id", "points", "provisional"));
        for (Row r : rows) {
            csv.append(Csv.line(r.date(), r.serialNumber(), r.configId(), r.points(), r.provisional()));
        }
        String name = "fortiflex-usage-" + accountId + "-" + q.from() + "-" + q.to()
                + (q.by() == null ? "" : "-by-" + q.by().name().toLowerCase(java.util.Locale.ROOT)) + ".csv";
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(csv.toString());
    }

    private void requireProgram(long accountId) {
        if (programs.findByAccount(accountId).isEmpty()) {
            throw new NotFoundException("Account " + accountId + " has no FortiFlex program.");
        }
    }

    static List<Row> rows(List<UsageRow> rows, UsageBreakdown.By by) {
        if (by == null) {
            return rows.stream().map(r -> new Row(r.date(), r.serialNumber(), r.configId(), r.points(), r.provisional()))
                    .toList();
        }
        return UsageBreakdown.of(rows, by).stream()
                .map(l -> new Row(l.date(), l.serialNumber(), l.configId(), l.points(), l.provisional())).toList();
    }
}
