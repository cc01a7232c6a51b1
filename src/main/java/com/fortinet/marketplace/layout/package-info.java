/**
 * The page frame every feature renders into: the layout model (header, account switcher, navigation),
 * the navigation and summary-card extension points features implement, and the error pages.
 */
package com.fortinet.marketplace.layout;
