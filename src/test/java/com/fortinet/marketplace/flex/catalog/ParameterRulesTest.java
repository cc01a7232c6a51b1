package com.fortinet.marketplace.flex.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ParameterRulesTest {

    /** "1=2 2=ENT 43=FGTAVDB,FGTFAIS" → id → [value]; "43=A|43=B" style repeats with '|'. */
    static Map<Integer, List<String>> given(String spec) {
        Map<Integer, List<String>> map = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return map;
        }
        for (String part : spec.split(" ")) {
            int eq = part.indexOf('=');
            int id = Integer.parseInt(part.substring(0, eq));
            map.computeIfAbsent(id, k -> new java.util.ArrayList<>()).addAll(Arrays.asList(part.substring(eq + 1).split("\\|", -1)));
        }
        return map;
    }

    @ParameterizedTest(name = "[{index}] FortiGate-VM {0} → {1}")
    @CsvSource(delimiter = '→', value = {
            // accepted, canonical: defaults fill optional parameters, codes are matched case-insensitively
            "1=2 2=ENT                       → 1=2;2=ENT;10=0;43=;45=NONE",
            "1=4 2=utp 10=50                 → 1=4;2=UTP;10=50;43=;45=NONE",
            "1=1 2=FC 10=10                  → 1=1;2=FC;10=10;43=;45=NONE",
            "1=2 2=ATP 10=25                 → 1=2;2=ATP;10=25;43=;45=NONE",
            "1=3 2=ATP 10=25                 → 1=3;2=ATP;10=25;43=;45=NONE",
            "1=7 2=ENT 10=50                 → 1=7;2=ENT;10=50;43=;45=NONE",
            "1=8 2=ENT 10=500                → 1=8;2=ENT;10=500;43=;45=NONE",
            "1=96 2=ENT 10=500               → 1=96;2=ENT;10=500;43=;45=NONE",
            "1=+2 2=ENT                      → 1=2;2=ENT;10=0;43=;45=NONE",
            "1=02 2=ENT                      → 1=2;2=ENT;10=0;43=;45=NONE",
            // MULTIVALUE: repeated ids, comma lists, NONE, duplicates, catalogue order
            "1=2 2=ENT 43=FGTFAIS|FGTAVDB    → 1=2;2=ENT;10=0;43=FGTAVDB,FGTFAIS;45=NONE",
            "1=2 2=ENT 43=fgtfais,FGTAVDB    → 1=2;2=ENT;10=0;43=FGTAVDB,FGTFAIS;45=NONE",
            "1=2 2=ENT 43=NONE               → 1=2;2=ENT;10=0;43=;45=NONE",
            "1=2 2=ENT 43=NONE|FGTISSS       → 1=2;2=ENT;10=0;43=FGTISSS;45=NONE",
            "1=2 2=ENT 43=FGTISSS|FGTISSS    → 1=2;2=ENT;10=0;43=FGTISSS;45=NONE",
            "1=2 2=ENT 43=                   → 1=2;2=ENT;10=0;43=;45=NONE",
            "1=2 2=ENT 45=FGTFCELU           → 1=2;2=ENT;10=0;43=;45=FGTFCELU",
    })
    void accepted(String in, String canonical) {
        assertThat(ParameterRules.validate(TestCatalog.fortiGateVm(), given(in.strip())).text()).isEqualTo(canonical.strip());
    }

    @ParameterizedTest(name = "[{index}] FortiGate-VM {0} → refused on parameter {1}")
    @CsvSource(delimiter = '→', value = {
            "2=ENT                          → 1 → CPUs (parameter 1) is required: a whole number from 1–96.",
            "1=2                            → 2 → Service package (parameter 2) is required: one of FC, UTP, ENT or ATP.",
            "1=97 2=ENT                     → 1 → CPUs (parameter 1) must be a whole number from 1–96, not 97.",
            "1=0 2=ENT                      → 1 → CPUs (parameter 1) must be a whole number from 1–96, not 0.",
            "1=-1 2=ENT                     → 1 → CPUs (parameter 1) must be a whole number from 1–96, not -1.",
            "1=two 2=ENT                    → 1 → CPUs (parameter 1) must be a whole number from 1–96, not 'two'.",
            "1=2.5 2=ENT                    → 1 → CPUs (parameter 1) must be a whole number from 1–96, not '2.5'.",
            "1=1e2 2=ENT                    → 1 → CPUs (parameter 1) must be a whole number from 1–96, not '1e2'.",
            "1=99999999999999999999 2=ENT   → 1 → CPUs (parameter 1) must be a whole number from 1–96, not '99999999999999999999'.",
            "1=2|4 2=ENT                    → 1 → CPUs (parameter 1) takes one value, not 2.",
            "1= 2=ENT                       → 1 → CPUs (parameter 1) needs a value: a whole number from 1–96.",
            "1=2 2=GOLD                     → 2 → Service package (parameter 2) must be one of FC, UTP, ENT or ATP, not 'GOLD'.",
            "1=2 2=ENT|UTP                  → 2 → Service package (parameter 2) takes one value, not 2.",
            "1=2 2=ENT 43=FGTXXX            → 43 → FortiGuard services (parameter 43) takes any of FGTAVDB, FGTFAIS, FGTISSS; not 'FGTXXX'.",
            "1=2 2=ENT 45=FC247             → 45 → Support service (parameter 45) must be one of NONE or FGTFCELU, not 'FC247'.",
            // VDOMs capped by the CPU count: 1 CPU 10, 2–3 CPUs 25, 4–7 CPUs 50, 8+ 500
            "1=1 2=ENT 10=11                → 10 → VDOMs (parameter 10) is at most 10 when CPUs is 1, not 11.",
            "1=2 2=ENT 10=26                → 10 → VDOMs (parameter 10) is at most 25 when CPUs is 2, not 26.",
            "1=3 2=ENT 10=26                → 10 → VDOMs (parameter 10) is at most 25 when CPUs is 3, not 26.",
            "1=4 2=ENT 10=51                → 10 → VDOMs (parameter 10) is at most 50 when CPUs is 4, not 51.",
            "1=7 2=ENT 10=51                → 10 → VDOMs (parameter 10) is at most 50 when CPUs is 7, not 51.",
            "1=8 2=ENT 10=501               → 10 → VDOMs (parameter 10) must be a whole number from 0–500, not 501.",
            "1=2 2=ENT 10=-1                → 10 → VDOMs (parameter 10) must be a whole number from 0–500, not -1.",
            "1=2 2=ENT 999=1                → 999 → Parameter 999 is not a parameter of FortiGate-VM (product type 1); its parameters are 1 CPUs, 2 Service package, 10 VDOMs, 43 FortiGuard services, 45 Support service.",
            "1=2 2=ENT 30=5                 → 30 → Parameter 30 is not a parameter of FortiGate-VM (product type 1); its parameters are 1 CPUs, 2 Service package, 10 VDOMs, 43 FortiGuard services, 45 Support service.",
    })
    void refused(String in, int parameterId, String message) {
        ParameterException e = catchThrowableOfType(ParameterException.class,
                () -> ParameterRules.validate(TestCatalog.fortiGateVm(), given(in.strip())));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).extracting(ParameterException.Problem::parameterId).contains(parameterId);
        assertThat(e.problems()).extracting(ParameterException.Problem::message).contains(message.strip());
        assertThat(e.field()).startsWith("parameters[");
    }

    @Test
    void everyProblemIsReportedAtOnceAndTheFirstNamesTheField() {
        ParameterException e = catchThrowableOfType(ParameterException.class,
                () -> ParameterRules.validate(TestCatalog.fortiGateVm(), given("1=97 2=GOLD 7=1")));
        assertThat(e.problems()).extracting(ParameterException.Problem::parameterId).containsExactly(7, 1, 2);
        assertThat(e.field()).isEqualTo("parameters[7]");
        assertThat(e.problems().get(1).formField()).isEqualTo("p1");
    }

    @Test
    void capIsCheckedOnlyWhenBothValuesAreValid() {
        ParameterException e = catchThrowableOfType(ParameterException.class,
                () -> ParameterRules.validate(TestCatalog.fortiGateVm(), given("1=97 2=ENT 10=400")));
        assertThat(e.problems()).extracting(ParameterException.Problem::parameterId).containsExactly(1);
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '→', value = {
            "FMG → 30=1                       → 9=0;30=1",
            "FMG → 30=100000 9=100000         → 9=100000;30=100000",
            "FWB → 4=8 5=fwbadv               → 4=8;5=FWBADV",
            "HW  → 27=fgt100f 28=FGHWUTP      → 27=FGT100F;28=FGHWUTP",
    })
    void otherProductTypes(String type, String in, String canonical) {
        assertThat(ParameterRules.validate(type(type.strip()), given(in.strip())).text()).isEqualTo(canonical.strip());
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '→', value = {
            "FMG → 30=0                  → Managed devices (parameter 30) must be a whole number from 1–100,000, not 0.",
            "FMG → 30=100001             → Managed devices (parameter 30) must be a whole number from 1–100,000, not 100,001.",
            "FWB → 4=3 5=FWBSTD          → CPUs (parameter 4) must be one of 1, 2, 4, 8 or 16, not '3'.",
            "HW  → 27=FGT999F 28=FGHWUTP → Model (parameter 27) must be one of FGT60F or FGT100F, not 'FGT999F'.",
            "HW  → 27=FGT60F 28=UTP      → Service package (parameter 28) must be one of FGHWFC247, FGHWUTP, FGHWENT or FGHWATP, not 'UTP'.",
    })
    void otherProductTypesRefused(String type, String in, String message) {
        assertThatThrownBy(() -> ParameterRules.validate(type(type.strip()), given(in.strip())))
                .isInstanceOf(ParameterException.class).hasMessage(message.strip());
    }

    @Test
    void anUpdateKeepsWhatItLeavesOutAndReplacesWhatItGives() {
        ProductType vm = TestCatalog.fortiGateVm();
        ConfigParameters current = ParameterRules.validate(vm, given("1=4 2=UTP 10=30 43=FGTAVDB"));
        assertThat(ParameterRules.validate(vm, given("10=40"), current).text()).isEqualTo("1=4;2=UTP;10=40;43=FGTAVDB;45=NONE");
        assertThat(ParameterRules.validate(vm, given("43=NONE"), current).text()).isEqualTo("1=4;2=UTP;10=30;43=;45=NONE");
        // lowering the CPUs below what the VDOMs need is refused (the cap holds across the merge)
        assertThatThrownBy(() -> ParameterRules.validate(vm, given("1=2"), current))
                .hasMessage("VDOMs (parameter 10) is at most 25 when CPUs is 2, not 30.");
    }

    @Test
    void canonicalTextRoundTrips() {
        ConfigParameters p = ParameterRules.validate(TestCatalog.fortiGateVm(), given("1=4 2=UTP 43=FGTFAIS|FGTAVDB"));
        assertThat(ConfigParameters.parse(p.text())).isEqualTo(p);
        assertThat(p.entries()).extracting(e -> e.getKey() + ":" + e.getValue())
                .containsExactly("1:4", "2:UTP", "10:0", "43:FGTAVDB", "43:FGTFAIS", "45:NONE");
    }

    private static ProductType type(String name) {
        return switch (name) {
            case "FMG" -> TestCatalog.fortiManagerVm();
            case "FWB" -> TestCatalog.fortiWebVm();
            default -> TestCatalog.fortiGateHardware();
        };
    }
}
