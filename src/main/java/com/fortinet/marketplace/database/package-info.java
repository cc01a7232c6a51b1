/**
 * The database underneath everything: the embedded MariaDB, the session store, the scheduler lock,
 * transaction helpers and the health/outage signals. Depends on no other module.
 */
package com.fortinet.marketplace.database;
