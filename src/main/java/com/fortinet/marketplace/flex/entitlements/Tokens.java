package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.points.CodeFormat;

import java.security.SecureRandom;

/**
 * VM license tokens: 20 characters of Crockford base 32 from SecureRandom (100 random bits), read back case- and
 * dash-insensitively. Tokens are secrets: read-only users see them {@link #masked}; they are never logged.
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String generate() {
        return CodeFormat.generate(RANDOM);
    }

    /** Null when the input can't be a token at all. */
    public static String normalize(String input) {
        String n = CodeFormat.normalize(input);
        return CodeFormat.isWellFormed(n) ? n : null;
    }

    /** The last four characters only: enough to tell tokens apart, too little to use one (80 bits stay hidden). */
    public static String masked(String token) {
        return token == null ? null : CodeFormat.masked(token);
    }

    public static String shown(String token, boolean canSee) {
        return canSee ? token : masked(token);
    }
}
