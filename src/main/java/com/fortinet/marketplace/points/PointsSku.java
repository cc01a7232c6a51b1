package com.fortinet.marketplace.points;

public record PointsSku(String sku, long points, SkuKind kind, String description, boolean active) {
}
