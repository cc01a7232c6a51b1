package com.fortinet.marketplace.points;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Registration codes: 20 characters of Crockford's base-32 alphabet (100 random bits), shown in five groups of four.
 * Input is read leniently: any case, with or without dashes and spaces, and the letters people confuse with digits
 * (O, I, L) read as 0 and 1, since the alphabet has none of them.
 */
public final class CodeFormat {

    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 20;

    private CodeFormat() {
    }

    public static String generate(SecureRandom random) {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** Upper case, without separators; O→0, I/L→1. Does not validate. */
    public static String normalize(String input) {
        if (input == null) {
            return "";
        }
        return input.replaceAll("[\\s\\-–—_]+", "").toUpperCase(Locale.ROOT)
                .replace('O', '0').replace('I', '1').replace('L', '1');
    }

    public static boolean isWellFormed(String normalized) {
        if (normalized.length() != LENGTH) {
            return false;
        }
        for (char c : normalized.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** K7QF9MZD3XWAPT2H8RCE → K7QF-9MZD-3XWA-PT2H-8RCE */
    public static String display(String normalized) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < normalized.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(normalized.charAt(i));
        }
        return b.toString();
    }

    /** Only the last group, for ledger references and logs: enough to recognise the code, useless to reuse it. */
    public static String masked(String normalized) {
        return "••••-" + normalized.substring(Math.max(0, normalized.length() - 4));
    }
}
