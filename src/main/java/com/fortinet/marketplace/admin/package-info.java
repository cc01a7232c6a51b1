/**
 * The back office for administrators: accounts, users and partner links pages and API.
 */
package com.fortinet.marketplace.admin;
