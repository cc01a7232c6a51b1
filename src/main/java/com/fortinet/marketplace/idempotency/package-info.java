/**
 * One idempotency component: Idempotency-Key replay, in-progress and reuse detection for every
 * money-moving request.
 */
package com.fortinet.marketplace.idempotency;
