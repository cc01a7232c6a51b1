package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.installedbase.Coverage;
import com.fortinet.marketplace.installedbase.CoverageStatus;
import com.fortinet.marketplace.installedbase.Unit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The marketplace form's choices → explicit order lines (what the page sends is what the API would take). */
class MarketplaceChoiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    /**
     * Coverage is written {@code SERVICE:days left}, days ≤ 0 lapsed, {@code ~} upgraded away; lines are written
     * {@code service/term/newService}, {@code -} for none, several separated by spaces.
     */
    @ParameterizedTest(name = "{0} {1} of [{2}] → {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // renewals: all current services, the upgraded-away one left out; a bare unit still gets a line to refuse
            "RENEW   | ALL   | FC247:30 ATP:~30 PRMA:5 | 36 | -   | FC247/36/- PRMA/36/-",
            "RENEW   | -     | FC247:30                | 12 | -   | FC247/12/-",
            "RENEW   | ALL   | -                       | 12 | -   | -/12/-",
            "RENEW   | PRMA  | FC247:30                | 60 | -   | PRMA/60/-",
            // co-term: no term, the date decides
            "COTERM  | ALL   | FC247:30 UTP:-3         | 12 | -   | FC247/-/- UTP/-/-",
            // upgrades: from the highest active tier one rung up, or to the chosen target
            "UPGRADE | ALL   | FC247:30 ATP:100        | 12 | -   | ATP/-/UTP",
            "UPGRADE | ALL   | FC247:30 ATP:0          | 12 | -   | FC247/-/ATP",
            "UPGRADE | ALL   | FC247:30                | 12 | ENT | FC247/-/ENT",
            "UPGRADE | ATP   | FC247:30                | 12 | -   | ATP/-/UTP",
            "UPGRADE | ALL   | ENT:30                  | 12 | -   | ENT/-/-",
            // nothing active: the highest lapsed tier, so the preview can say why (renew it instead)
            "UPGRADE | ALL   | FC247:-40 UTP:-2        | 12 | -   | UTP/-/ENT",
            // no tier at all (PRMA is on no ladder): the lowest rung, refused by the preview with its reason
            "UPGRADE | ALL   | PRMA:30                 | 12 | -   | FC247/-/-",
            "UPGRADE | ALL   | -                       | 12 | -   | FC247/-/-",
            "UPGRADE | ALL   | FC247:~30 ATP:50        | 12 | -   | ATP/-/UTP",
    })
    void formChoicesBecomeLines(OrderType type, String service, String coverage, int term, String newService,
                                String expected) {
        Unit unit = new Unit(1, "FGT60FTK0000001", "FortiGate", "FGT60F", 7, "HQ", null, coverage(coverage));

        var lines = MarketplaceChoice.lines(type, service, term, newService, List.of(unit), TODAY);

        assertThat(lines).allMatch(l -> l.serialNumber().equals("FGT60FTK0000001"));
        assertThat(lines.stream().map(l -> l.service() + "/" + l.termMonths() + "/" + l.newService())
                .collect(Collectors.joining(" ")).replace("null", "-")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} units → {0} × services lines")
    @CsvSource({"0", "1", "3"})
    void everySelectedUnitGetsItsLines(int units) {
        List<Unit> selected = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            selected.add(new Unit(i, "SN" + i, "FortiGate", "FGT60F", 7, null, null, coverage("FC247:10 PRMA:10")));
        }
        assertThat(MarketplaceChoice.lines(OrderType.RENEW, "ALL", 12, null, selected, TODAY)).hasSize(units * 2);
    }

    private static List<Coverage> coverage(String spec) {
        List<Coverage> list = new ArrayList<>();
        if (spec == null) {
            return list;
        }
        long id = 100;
        for (String part : spec.trim().split("\\s+")) {
            String[] p = part.split(":");
            boolean upgraded = p[1].startsWith("~");
            LocalDate end = TODAY.plusDays(Long.parseLong(p[1].replace("~", "")));
            CoverageStatus status = upgraded ? CoverageStatus.UPGRADED : CoverageStatus.of(end, TODAY);
            list.add(new Coverage(id++, "SC" + id, p[0], end.minusYears(1), end, status));
        }
        return list;
    }
}
