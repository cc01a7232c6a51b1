/**
 * The business clock: the one time zone and today's business date every rule uses.
 */
package com.fortinet.marketplace.time;
