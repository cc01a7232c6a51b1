/**
 * FortiCare's own rules, pure and shared by installed base, pricing, orders and renewals: which items are
 * services (ItemRules), the tier ladder (ServiceLadder) and the Continuous Service Policy. No Spring, no database.
 */
package com.fortinet.marketplace.forticare;
