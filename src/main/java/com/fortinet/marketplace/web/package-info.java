/**
 * The web kernel every module uses: the exceptions that become 4xx responses, problem+json handling,
 * formatting (Formats and its Thymeleaf dialect), paging links, form errors, JSON and OpenAPI setup,
 * and the fast 503 during a database outage. Depends on no business module.
 */
package com.fortinet.marketplace.web;
