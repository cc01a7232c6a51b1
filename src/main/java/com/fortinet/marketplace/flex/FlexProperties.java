package com.fortinet.marketplace.flex;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * {@code portal.flex.*}: FortiFlex points per FortiPoint on a transfer (checked at start-up by TransferRules), and how
 * many failed token activations one client address may make within the window before it is refused.
 */
@ConfigurationProperties("portal.flex")
public record FlexProperties(@DefaultValue("1") BigDecimal pointsPerFortipoint, @DefaultValue Activation activation) {

    public record Activation(@DefaultValue("20") int maxFailures, @DefaultValue("PT15M") Duration window) {
    }
}
