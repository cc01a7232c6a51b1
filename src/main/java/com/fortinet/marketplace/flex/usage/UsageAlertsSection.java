package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.ProgramCalendar;
import com.fortinet.marketplace.flex.ProgramPageSection;
import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.List;

/** The program page's notice of this year's consumption alerts (the highest one reached, with when). */
@Component
@Order(10)
class UsageAlertsSection implements ProgramPageSection {

    private final FlexUsageAlerts alerts;
    private final BusinessClock clock;

    UsageAlertsSection(FlexUsageAlerts alerts, BusinessClock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public String contribute(FlexProgram program, Model model) {
        if (!program.isPrepaid()) {
            return null;
        }
        List<FlexUsageAlerts.Alert> sent = alerts.ofYear(program.id(),
                ProgramCalendar.yearStart(program.startDate(), clock.today()));
        if (sent.isEmpty()) {
            return null;
        }
        model.addAttribute("usageAlert", sent.get(sent.size() - 1));
        return "flex/usage/sections :: alert";
    }
}
