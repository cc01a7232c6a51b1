/**
 * FortiFlex API v2 shapes (DESIGN §7, end): {@code POST /ES/api/fortiflex/v2/<path>} with FortiFlex's own request
 * bodies and its {@code {status, message, error, <key>}} envelope, so scripts written for FortiFlex (its Terraform
 * provider, Ansible collection, Python samples) work after a base-URL change. An adapter only: every rule, scope check,
 * validation and idempotent change runs in the same services as {@code /api/v1}; this package reads FortiFlex's field
 * names, finds the account a program serial, configuration id or entitlement serial belongs to, and writes the envelope.
 */
package com.fortinet.marketplace.flex.v2;
