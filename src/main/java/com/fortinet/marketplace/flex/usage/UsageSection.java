package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.FlexPoints;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.ProgramPageSection;
import com.fortinet.marketplace.flex.ProgramUsage;
import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The program page's usage (DESIGN §4.4): this year's consumption against 80/90/100 %, the 7-day average burn and the
 * run-out date, today so far (provisional), the daily usage chart of the last 30 days, and usage by configuration and
 * by entitlement over those days, each with its CSV.
 */
@Component
@Order(20)
class UsageSection implements ProgramPageSection {

    /** At least {@link com.fortinet.marketplace.flex.RunOut#BURN_DAYS} + 1: the burn and today's figure come from this window's rows. */
    static final int WINDOW_DAYS = 30;

    private final FlexUsageService usage;
    private final UsageFigures figures;
    private final JdbcTemplate jdbc;
    private final BusinessClock clock;

    UsageSection(FlexUsageService usage, UsageFigures figures, JdbcTemplate jdbc, BusinessClock clock) {
        this.usage = usage;
        this.figures = figures;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A configuration's or entitlement's line on the page. */
    public record Named(String key, String name, String detail, FlexPoints points, boolean provisional) {
    }

    @Override
    public String contribute(FlexProgram program, Model model) {
        LocalDate today = clock.today();
        LocalDate from = today.minusDays(WINDOW_DAYS - 1);
        List<UsageRow> rows = usage.usage(program.accountId(), from, today);
        ProgramYear year = program.isPrepaid() ? figures.year(program) : null;
        ProgramUsage.Figures f = figures.of(program, rows, year);
        Map<LocalDate, FlexPoints> byDay = new java.util.LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
            byDay.put(d, FlexPoints.ZERO);
        }
        rows.forEach(r -> byDay.merge(r.date(), r.points(), FlexPoints::plus));

        Map<Long, String> configNames = new HashMap<>();
        jdbc.query("select id, name from flex_configs where program_id = ?", rs -> {
            configNames.put(rs.getLong(1), rs.getString(2));
        }, program.id());
        Map<String, String> descriptions = new HashMap<>();
        jdbc.query("select serial_number, coalesce(description, '') from flex_entitlements where program_id = ?", rs -> {
            descriptions.put(rs.getString(1), rs.getString(2));
        }, program.id());
        Map<String, Long> configOf = new HashMap<>();
        rows.forEach(r -> configOf.put(r.serialNumber(), r.configId())); // the last day's configuration

        model.addAttribute("usageFigures", f);
        model.addAttribute("usageFrom", from);
        model.addAttribute("usageTotal", FlexUsageService.total(rows));
        model.addAttribute("usageChart", UsageChart.of(byDay, today, f.averageDailyBurn()));
        model.addAttribute("usageByConfig", UsageBreakdown.of(rows, UsageBreakdown.By.CONFIG).stream()
                .map(l -> new Named(String.valueOf(l.configId()), configNames.getOrDefault(l.configId(), "#" + l.configId()),
                        null, l.points(), l.provisional())).toList());
        model.addAttribute("usageByEntitlement", UsageBreakdown.of(rows, UsageBreakdown.By.ENTITLEMENT).stream()
                .map(l -> new Named(l.serialNumber(), descriptions.getOrDefault(l.serialNumber(), ""),
                        configNames.get(configOf.get(l.serialNumber())), l.points(), l.provisional())).toList());
        if (year != null) {
            model.addAttribute("usageYear", year);
            model.addAttribute("usageYearPercent", Math.min(100, year.percentConsumed()));
        }
        return "flex/usage/sections :: usage";
    }
}
