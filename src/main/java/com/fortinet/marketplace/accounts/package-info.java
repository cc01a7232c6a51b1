/**
 * FortiCloud accounts and portal users: the Account/User entities, roles and permissions, partner links,
 * and the services that create and edit them. Lowest business module: knows nothing of security or pages.
 */
package com.fortinet.marketplace.accounts;
