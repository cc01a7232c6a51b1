/**
 * FortiFlex: programs, point packs and ledger, entitlements (flex.entitlements), configurations
 * (flex.configs), the catalog (flex.catalog), transfers from FortiPoints, the daily charge and the API.
 * The sub-packages are flex's own: other modules use only the types in this package.
 */
package com.fortinet.marketplace.flex;
