/**
 * FortiPoints: point packs, registration, the FIFO ledger and spending, expiry, notices, the points pages,
 * CSV export and API.
 */
package com.fortinet.marketplace.points;
