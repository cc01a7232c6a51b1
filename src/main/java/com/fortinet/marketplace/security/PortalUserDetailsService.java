package com.fortinet.marketplace.security;

import com.fortinet.marketplace.accounts.UserRepository;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
public class PortalUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    public PortalUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public PortalUser loadUserByUsername(String email) {
        return users.findByEmailIgnoreCase(email.trim())
                .map(u -> PortalUser.of(u, false))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
