package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.security.PortalUser;

/** Who made a FortiFlex change, as kept in history: a user (id and e-mail) or the portal itself (no user id). */
public record FlexActor(Long userId, String label) {

    public static FlexActor of(PortalUser user) {
        return new FlexActor(user.userId(), user.email());
    }

    public static FlexActor system(String what) {
        return new FlexActor(null, what);
    }
}
