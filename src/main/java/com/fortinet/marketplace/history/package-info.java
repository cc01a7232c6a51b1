/**
 * The History page: one timeline of an account's orders, point and FortiFlex movements.
 */
package com.fortinet.marketplace.history;
