/**
 * The price list: points per service and term, its admin page, import and API.
 */
package com.fortinet.marketplace.pricing;
