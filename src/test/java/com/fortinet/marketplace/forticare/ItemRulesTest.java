package com.fortinet.marketplace.forticare;

import com.fortinet.marketplace.orders.Proration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ItemRulesTest {

    @ParameterizedTest(name = "{0} hardware={1}")
    @CsvSource({
            "FG-60F, true", "FGT60F, true", "fgt100f, true", "FS-148F, true", "FAP-231F, true", "HARDWARE, true",
            "HW, true", "FC247, false", "UTP, false", "ENT, false", "ATP, false", "PRMA, false", "FMG-VM, false",
    })
    void hardwareIsRecognised(String item, boolean hardware) {
        assertThat(ItemRules.isHardware(item)).isEqualTo(hardware);
    }

    @ParameterizedTest(name = "location={0} EoS={1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "Sunnyvale HQ rack 4 |            | ",
            "                    |            | PRMA needs the unit's location",
            "Sunnyvale           | 2027-06-30 | End-of-Support date (2027-06-30)",
            "                    | 2025-01-01 | End-of-Support date",
    })
    void prmaNeedsLocationAndNoEndOfSupport(String location, LocalDate eos, String message) {
        var refusal = ItemRules.prmaRefusal(location, eos);
        if (message == null) {
            assertThat(refusal).isEmpty();
        } else {
            assertThat(refusal).get(org.assertj.core.api.InstanceOfAssertFactories.STRING).contains(message);
        }
    }

    @org.junit.jupiter.api.Test
    void hardwareMessageIsTheDesignsWording() {
        assertThat(ItemRules.HARDWARE_REFUSED).isEqualTo("Hardware can't be bought with FortiPoints: buy it through "
                + "your usual channel and register it; then renew its services here.");
    }

    @ParameterizedTest
    @CsvSource({"1000,365,1000", "1000,1,3", "1,1,1", "0,100,0", "365,1,1", "730,1,2", "731,1,3", "100000,1826,500274"})
    void prorationRoundsUp(long annual, long days, long points) {
        assertThat(Proration.prorate(annual, days)).isEqualTo(points);
    }
}
