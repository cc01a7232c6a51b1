package com.fortinet.marketplace.security;

import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.User;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** The signed-in person (page session or API key). Kept small: it is serialized into the session table. */
public record PortalUser(long userId, String email, String displayName, String passwordHash, Role role,
                         Permission permission, Long accountId, boolean enabled, boolean locked)
        implements UserDetails {

    public static PortalUser of(User user, boolean locked) {
        return new PortalUser(user.getId(), user.getEmail(), user.getDisplayName(), user.getPasswordHash(),
                user.getRole(), user.getPermission(), user.getAccountId(), user.isEnabled(), locked);
    }

    /** Credentials are not kept once the user is signed in. */
    public PortalUser withoutPassword() {
        return new PortalUser(userId, email, displayName, "", role, permission, accountId, enabled, false);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isStaff() {
        return role == Role.RENEWALS_STAFF;
    }

    public boolean isPartner() {
        return role == Role.PARTNER_USER;
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER_USER;
    }

    public boolean canChange() {
        return role.belongsToAccount() && permission == Permission.READ_WRITE;
    }
}
