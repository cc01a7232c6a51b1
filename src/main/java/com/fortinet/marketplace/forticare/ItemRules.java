package com.fortinet.marketplace.forticare;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What may be bought for points at all, before any date or price is looked at. */
public final class ItemRules {

    public static final String HARDWARE_REFUSED = "Hardware can't be bought with FortiPoints: buy it through your usual "
            + "channel and register it; then renew its services here.";
    public static final String PRMA = "PRMA";

    /** Appliance and hardware SKUs (FG-60F, FGT60F, FS-148F, FAP-231F, …) or a plain "hardware" item. */
    private static final Pattern HARDWARE = Pattern.compile(
            "^(HW|HARDWARE|(FG|FGT|FWF|FS|FSW|FAP|FMG|FAZ|FML|FWB|FSA)-?\\d.*)$");

    private ItemRules() {
    }

    public static boolean isHardware(String item) {
        return item != null && HARDWARE.matcher(item.trim().toUpperCase(Locale.ROOT)).matches();
    }

    /** PRMA (premium RMA, advance hardware replacement) needs a known site and a unit still supported. */
    public static Optional<String> prmaRefusal(String location, LocalDate endOfSupport) {
        if (endOfSupport != null) {
            return Optional.of("PRMA is not available for this unit: it has an End-of-Support date (" + endOfSupport + ").");
        }
        if (location == null || location.isBlank()) {
            return Optional.of("PRMA needs the unit's location (where replacement hardware is shipped); "
                    + "ask your administrator to record it.");
        }
        return Optional.empty();
    }
}
