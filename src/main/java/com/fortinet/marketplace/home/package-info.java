/**
 * Where a user lands: the role's home page, the account page and switcher, and the account list API.
 */
package com.fortinet.marketplace.home;
