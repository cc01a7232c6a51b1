/**
 * The Marketplace and orders: quotes, proration and co-terming, upgrades, placing an order (points spent,
 * coverage added), order history, detail and the order API.
 */
package com.fortinet.marketplace.orders;
