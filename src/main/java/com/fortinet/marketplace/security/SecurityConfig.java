package com.fortinet.marketplace.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * bcrypt, which reads at most 72 bytes of a password. Spring Security's encoder throws for a longer one (a 500 at
     * sign-in or on "current password"); such a password never matches here, and new ones are refused by
     * {@code UserService} with a message, so nothing longer is ever stored.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10) {
            @Override
            protected boolean matchesNonNull(String rawPassword, String encodedPassword) {
                if (rawPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
                    return false;
                }
                return super.matchesNonNull(rawPassword, encodedPassword);
            }
        };
    }

    /**
     * Sign-in checks the password first and only then whether the user is disabled (Spring's default checks
     * "disabled" first, so a wrong password on a disabled user said "This user is disabled": issue 12 item 6).
     * Locks are checked before either, per client address ({@link SignInThrottleFilter}).
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(PortalUserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> {
        });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("User is disabled");
            }
        });
        return provider;
    }

    /**
     * The automation API: bearer keys, no session, no cookies, so no CSRF; every error is a problem document. The
     * FortiFlex API v2 shapes ({@code /ES/api/fortiflex/v2/**}, flex.v2) authenticate the same way.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeys apiKeys, ProblemWriter problems) throws Exception {
        http.securityMatcher("/api/**", "/ES/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/rts/**").hasRole("RENEWALS_STAFF")
                        // A VM activating its FortiFlex license: the token is the credential (rate-limited per address).
                        .requestMatchers(HttpMethod.POST, "/api/v1/flex/activate").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, 401, "Unauthorized",
                                "Send an API key as 'Authorization: Bearer <key>'. Keys are created on your profile page."))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, 403, "Forbidden",
                                "Your role does not allow this request.")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, SignInHandlers handlers, UserSessions sessions,
                                  LoginAttempts attempts) throws Exception {
        // Redirects name a path, never a host: the Host header is the client's to choose (issue 12 item 7).
        LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
        signIn.setFavorRelativeUris(true);
        http.addFilterBefore(new SignInThrottleFilter(attempts), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(signIn))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error", "/v3/api-docs/**", "/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/rts/**").hasRole("RENEWALS_STAFF")
                        .requestMatchers(HttpMethod.GET, "/actuator/health").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(handlers.success())
                        .failureHandler(handlers.failure())
                        .permitAll())
                // Signing out ends the user's sessions everywhere (DESIGN §9), not only this browser's.
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll()
                        .addLogoutHandler((request, response, auth) -> {
                            if (auth != null) {
                                sessions.endAll(auth.getName());
                            }
                        }))
                // A request from an ended session (and a form it posts: its CSRF token ended with it) goes to sign-in.
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId())
                        .invalidSessionStrategy(new EndedSessionStrategy()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
