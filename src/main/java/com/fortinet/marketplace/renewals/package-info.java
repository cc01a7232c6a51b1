/**
 * Renewals: the RTS (renewal tracking) reports, PO renewals, due contracts and renewal status.
 */
package com.fortinet.marketplace.renewals;
