package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code GET /api/v1/rts/summary} for renewals staff (SecurityConfig restricts /api/v1/rts/** to them). */
@RestController
@RequestMapping("/api/v1/rts")
class RtsApiController {

    private final RtsReports reports;
    private final BusinessClock clock;

    RtsApiController(RtsReports reports, BusinessClock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** renewalRate is 0..1 (4 decimals), null when no contract of the period has settled (renewed or expired). */
    record Summary(LocalDate from, LocalDate to, long due, long renewed, long expired, long inGrace, long notEndedYet,
                   long renewedAmount, long expiredAmount, BigDecimal renewalRate, long renewedWithPoints,
                   long renewedWithPo) {
    }

    @GetMapping("/summary")
    Summary summary(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String region, @RequestParam(required = false) String partnerId,
                    @RequestParam(required = false) String family, @RequestParam(required = false) String channel) {
        Period period = new Period(Period.date("from", from), Period.date("to", to));
        RtsFilter filter = new RtsFilter(RtsQuery.region(region), RtsQuery.partner(partnerId), family,
                RtsQuery.channel(channel));
        RtsFigures f = reports.summary(period, filter, clock.today());
        return new Summary(period.from(), period.to(), f.due(), f.renewed(), f.expired(), f.inGrace(), f.open(),
                f.renewedAmount(), f.expiredAmount(), f.rate(), f.renewedByPoints(), f.renewedByPo());
    }
}
