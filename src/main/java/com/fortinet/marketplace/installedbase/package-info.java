/**
 * The installed base: registered units, their service coverage and status, import and export, and the
 * units pages and API.
 */
package com.fortinet.marketplace.installedbase;
