/**
 * Authentication and authorization: sign-in, API keys, login throttling, the signed-in PortalUser,
 * which accounts a user may see or change (AccountScope) and the current account of the session.
 */
package com.fortinet.marketplace.security;
