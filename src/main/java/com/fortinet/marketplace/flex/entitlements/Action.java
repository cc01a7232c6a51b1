package com.fortinet.marketplace.flex.entitlements;

/** What can be done to an entitlement; {@link EntitlementRules} says from which states. */
public enum Action {
    ACTIVATE("activate"),
    STOP("stop"),
    REACTIVATE("reactivate"),
    REMOVE("remove"),
    EXPIRE("expire"),
    STOP_WITH_CONFIGURATION("stop"),
    EDIT_DESCRIPTION("change the description of"),
    EDIT_CONFIGURATION("change the configuration of"),
    EDIT_END_DATE("change the end date of"),
    REGENERATE_TOKEN("regenerate the token of");

    private final String verb;

    Action(String verb) {
        this.verb = verb;
    }

    public String verb() {
        return verb;
    }
}
