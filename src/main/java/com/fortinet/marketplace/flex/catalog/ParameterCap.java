package com.fortinet.marketplace.flex.catalog;

/** {@code parameterId} is at most {@code max} when {@code byParameterId} ≥ {@code from} (the highest such row applies). */
public record ParameterCap(int parameterId, int byParameterId, long from, long max) {
}
