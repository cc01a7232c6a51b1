package com.fortinet.marketplace.partners;

import java.time.LocalDate;

/**
 * One managed end customer in the partner console. Unit counts look at each unit's soonest-ending service
 * (the latest contract per service): lapsed = ended on or before today (in grace included, as in the units list);
 * expiring within N days = ends after today and at most N days from now (so the 60-day count includes the 30-day one).
 */
public record CustomerOverview(long accountId, String name, String region, long balance, long expiringIn90Days,
                               long units, long unitsLapsed, long unitsExpiring30, long unitsExpiring60,
                               long unitsExpiring90, LocalDate lastOrder) {
}
