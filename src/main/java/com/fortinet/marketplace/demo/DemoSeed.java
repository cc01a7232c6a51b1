package com.fortinet.marketplace.demo;

/**
 * A piece of demo data owned by a feature. Each seed runs once per database (recorded in demo_seeds), in
 * {@link #order()}, so a feature added later seeds an existing ./data database too.
 */
public interface DemoSeed {

    /** Stable name recorded in demo_seeds. */
    String name();

    /** Accounts and users are 100; features that need them use higher numbers. */
    int order();

    void seed();
}
