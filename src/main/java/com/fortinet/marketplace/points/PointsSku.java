package com.fortinet.marketplace.points;

public record PointsSku(String sku, long points, String description, boolean active) {
}
