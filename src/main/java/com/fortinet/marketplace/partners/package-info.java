/**
 * The partner console: a partner's customers with what needs attention.
 */
package com.fortinet.marketplace.partners;
