package com.fortinet.marketplace.flex.configs;

import com.fortinet.marketplace.flex.FlexActor;

import java.time.Instant;

/** Published inside the transaction that disabled a configuration: its ACTIVE and PENDING entitlements stop with it. */
public record ConfigDisabled(FlexConfig config, Instant at, FlexActor actor) {
}
