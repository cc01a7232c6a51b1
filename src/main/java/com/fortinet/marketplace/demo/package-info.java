/**
 * Demo data: the seeds each feature contributes and the runner that loads them when demo data is on.
 */
package com.fortinet.marketplace.demo;
