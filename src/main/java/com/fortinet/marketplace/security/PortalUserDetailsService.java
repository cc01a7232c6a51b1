package com.fortinet.marketplace.security;

import com.fortinet.marketplace.accounts.UserRepository;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
public class PortalUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final LoginAttempts attempts;

    public PortalUserDetailsService(UserRepository users, LoginAttempts attempts) {
        this.users = users;
        this.attempts = attempts;
    }

    @Override
    public PortalUser loadUserByUsername(String email) {
        return users.findByEmailIgnoreCase(email.trim())
                .map(u -> PortalUser.of(u, attempts.lockedUntil(email).isPresent()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
