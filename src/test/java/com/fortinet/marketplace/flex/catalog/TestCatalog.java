package com.fortinet.marketplace.flex.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The seeded catalogue (V7_1) rebuilt in memory, for the pure rules' tests. */
public final class TestCatalog {

    private TestCatalog() {
    }

    static Parameter numeric(int id, int type, String name, long min, long max, boolean required, String def) {
        return new Parameter(id, type, name.toLowerCase(), name, ParameterType.NUMERIC, min, max, List.of(), false, required, def, id);
    }

    static Parameter single(int id, int type, String name, boolean required, String def, String... values) {
        return new Parameter(id, type, name.toLowerCase(), name, ParameterType.SINGLEVALUE, null, null, List.of(values), false,
                required, def, id);
    }

    static Parameter multi(int id, int type, String name, String... values) {
        return new Parameter(id, type, name.toLowerCase(), name, ParameterType.MULTIVALUE, null, null, List.of(values), false,
                false, "", id);
    }

    public static ProductType fortiGateVm() {
        return new ProductType(1, "FGT_VM_Bundle", "FortiGate-VM", false, null, null, "FGVMMLTM", 10, List.of(
                numeric(1, 1, "CPUs", 1, 96, true, null),
                single(2, 1, "Service package", true, null, "FC", "UTP", "ENT", "ATP"),
                numeric(10, 1, "VDOMs", 0, 500, false, "0"),
                multi(43, 1, "FortiGuard services", "FGTAVDB", "FGTFAIS", "FGTISSS"),
                single(45, 1, "Support service", false, "NONE", "NONE", "FGTFCELU")),
                List.of(new ParameterCap(10, 1, 1, 10), new ParameterCap(10, 1, 2, 25), new ParameterCap(10, 1, 4, 50),
                        new ParameterCap(10, 1, 8, 500)));
    }

    public static ProductType fortiManagerVm() {
        return new ProductType(2, "FMG_VM", "FortiManager-VM", false, null, null, "FMG-VMTM", 20, List.of(
                numeric(30, 2, "Managed devices", 1, 100_000, true, null),
                numeric(9, 2, "ADOMs", 0, 100_000, false, "0")), List.of());
    }

    public static ProductType fortiWebVm() {
        return new ProductType(3, "FWB_VM", "FortiWeb-VM", false, null, null, "FVVMMLTM", 30, List.of(
                single(4, 3, "CPUs", true, null, "1", "2", "4", "8", "16"),
                single(5, 3, "Service package", true, null, "FWBSTD", "FWBADV", "FWBENT")), List.of());
    }

    public static ProductType fortiGateHardware() {
        Parameter model = new Parameter(27, 101, "device_model", "Model", ParameterType.SINGLEVALUE, null, null,
                List.of("FGT60F", "FGT100F"), true, true, null, 10);
        return new ProductType(101, "FGT_HW", "FortiGate hardware", true, "FortiGate", "FGT", null, 50, List.of(model,
                single(28, 101, "Service package", true, null, "FGHWFC247", "FGHWUTP", "FGHWENT", "FGHWATP")), List.of());
    }

    static Rate rate(int type, RateKind kind, String conditions, int per, String points, boolean demo) {
        return new Rate(0, type, kind, conditions, per, new BigDecimal(points), demo, Instant.EPOCH);
    }

    /** FortiGate-VM: the two published ENT figures, demo per-CPU rates elsewhere, VDOMs and options on top. */
    public static List<Rate> fortiGateVmRates() {
        List<Rate> rates = new ArrayList<>();
        for (int cpu = 1; cpu <= 96; cpu++) {
            rates.add(rate(1, RateKind.BASE, "1=" + cpu + ";2=FC", 0, new BigDecimal("1.24").multiply(BigDecimal.valueOf(cpu)).toPlainString(), true));
            rates.add(rate(1, RateKind.BASE, "1=" + cpu + ";2=UTP", 0, new BigDecimal("2.90").multiply(BigDecimal.valueOf(cpu)).toPlainString(), true));
            String ent = cpu == 2 ? "6.39" : cpu == 4 ? "12.91" : new BigDecimal("3.22").multiply(BigDecimal.valueOf(cpu)).toPlainString();
            rates.add(rate(1, RateKind.BASE, "1=" + cpu + ";2=ENT", 0, ent, cpu != 2 && cpu != 4));
        }
        rates.add(rate(1, RateKind.ADD, "", 10, "0.11", true));
        rates.add(rate(1, RateKind.ADD, "43=FGTAVDB", 0, "0.40", true));
        rates.add(rate(1, RateKind.ADD, "43=FGTFAIS", 0, "0.55", true));
        rates.add(rate(1, RateKind.ADD, "45=FGTFCELU", 0, "0.75", true));
        return rates;
    }
}
