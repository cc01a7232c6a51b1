/**
 * The signed-in user's own profile page.
 */
package com.fortinet.marketplace.profile;
