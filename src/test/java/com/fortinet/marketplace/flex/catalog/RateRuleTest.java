package com.fortinet.marketplace.flex.catalog;

import com.fortinet.marketplace.web.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateRuleTest {

    @ParameterizedTest(name = "[{index}] FortiGate-VM {0} → {1} points/day")
    @CsvSource(delimiter = '→', value = {
            // the documented figures (DESIGN §4.2)
            "1=2 2=ENT                         → 6.39",
            "1=4 2=ENT                         → 12.91",
            // demo per-CPU rates elsewhere, exact hundredths
            "1=1 2=ENT                         → 3.22",
            "1=3 2=ENT                         → 9.66",
            "1=96 2=ENT                        → 309.12",
            "1=1 2=FC                          → 1.24",
            "1=4 2=UTP                         → 11.60",
            // per-unit VDOMs and options add on top of the base
            "1=2 2=ENT 10=1                    → 6.50",
            "1=2 2=ENT 10=25                   → 9.14",
            "1=4 2=UTP 10=10 43=FGTAVDB        → 13.10",
            "1=4 2=UTP 43=FGTAVDB|FGTFAIS      → 12.55",
            "1=2 2=ENT 45=FGTFCELU             → 7.14",
            "1=8 2=ENT 10=500 43=FGTAVDB|FGTFAIS 45=FGTFCELU → binding",
            // an option without a rate costs nothing extra
            "1=2 2=ENT 43=FGTISSS              → 6.39",
    })
    void fortiGateVm(String in, String expected) {
        ConfigParameters p = ParameterRules.validate(TestCatalog.fortiGateVm(), ParameterRulesTest.given(in.strip()));
        BigDecimal points = RateRule.pointsPerDay(TestCatalog.fortiGateVm(), p, TestCatalog.fortiGateVmRates());
        if (expected.strip().equals("binding")) {
            // 8 × 3.22 + 500 × 0.11 + 0.40 + 0.55 + 0.75
            assertThat(points).isEqualByComparingTo("82.46");
        } else {
            assertThat(points).isEqualByComparingTo(expected.strip());
        }
        assertThat(points.scale()).as("two decimals, exact").isEqualTo(2);
    }

    @Test
    void theLinesSayHowTheFigureIsMadeAndWhetherDemoRatesAreIn() {
        ProductType vm = TestCatalog.fortiGateVm();
        var price = RateRule.price(vm, ParameterRules.validate(vm, ParameterRulesTest.given("1=2 2=ENT")), TestCatalog.fortiGateVmRates());
        assertThat(price.demo()).as("6.39 is a published figure").isFalse();
        assertThat(price.lines()).hasSize(1);
        var withVdoms = RateRule.price(vm, ParameterRules.validate(vm, ParameterRulesTest.given("1=2 2=ENT 10=3")), TestCatalog.fortiGateVmRates());
        assertThat(withVdoms.demo()).isTrue();
        assertThat(withVdoms.lines()).extracting(RateRule.Line::label).containsExactly("CPUs 2, Service package ENT", "3 × VDOMs at 0.11");
        assertThat(withVdoms.lines().get(1).points()).isEqualByComparingTo("0.33");
        assertThat(withVdoms.forDays(30)).isEqualByComparingTo("201.60");
    }

    @Test
    void noMatchingBaseRateIsRefusedNamingTheConfiguration() {
        ProductType hw = TestCatalog.fortiGateHardware();
        ConfigParameters p = ParameterRules.validate(hw, ParameterRulesTest.given("27=FGT60F 28=FGHWENT"));
        List<Rate> rates = List.of(TestCatalog.rate(101, RateKind.BASE, "27=FGT60F;28=FGHWUTP", 0, "1.70", true));
        assertThatThrownBy(() -> RateRule.pointsPerDay(hw, p, rates)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("no points-per-day rate for FortiGate hardware with Model FGT60F, Service package FGHWENT");
    }

    @Test
    void theMostSpecificBaseWinsAndEqualOnesAreAmbiguous() {
        ProductType vm = TestCatalog.fortiGateVm();
        ConfigParameters p = ParameterRules.validate(vm, ParameterRulesTest.given("1=2 2=ENT"));
        List<Rate> rates = new ArrayList<>(List.of(
                TestCatalog.rate(1, RateKind.BASE, "2=ENT", 0, "5.00", true),
                TestCatalog.rate(1, RateKind.BASE, "1=2;2=ENT", 0, "6.39", false)));
        assertThat(RateRule.pointsPerDay(vm, p, rates)).isEqualByComparingTo("6.39");
        rates.add(TestCatalog.rate(1, RateKind.BASE, "1=2;45=NONE", 0, "7.00", true));
        assertThatThrownBy(() -> RateRule.pointsPerDay(vm, p, rates)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("Two base rates");
    }

    @Test
    void perUnitBaseRatesMultiplyExactly() {
        ProductType fmg = TestCatalog.fortiManagerVm();
        List<Rate> rates = List.of(TestCatalog.rate(2, RateKind.BASE, "", 30, "0.08", true),
                TestCatalog.rate(2, RateKind.ADD, "", 9, "0.04", true));
        assertThat(RateRule.pointsPerDay(fmg, ParameterRules.validate(fmg, ParameterRulesTest.given("30=1")), rates))
                .isEqualByComparingTo("0.08");
        assertThat(RateRule.pointsPerDay(fmg, ParameterRules.validate(fmg, ParameterRulesTest.given("30=100000 9=100000")), rates))
                .isEqualByComparingTo("12000.00");
        assertThat(RateRule.pointsPerDay(fmg, ParameterRules.validate(fmg, ParameterRulesTest.given("30=3 9=7")), rates))
                .isEqualByComparingTo("0.52");
    }

    @Test
    void ratesOfAnotherProductTypeNeverApply() {
        ProductType fmg = TestCatalog.fortiManagerVm();
        assertThatThrownBy(() -> RateRule.pointsPerDay(fmg, ParameterRules.validate(fmg, ParameterRulesTest.given("30=1")),
                TestCatalog.fortiGateVmRates())).isInstanceOf(BusinessRuleException.class);
    }
}
