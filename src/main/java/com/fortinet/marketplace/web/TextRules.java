package com.fortinet.marketplace.web;

/**
 * What people may type into names and other free text (issue 12 item 8). Pure: no Spring, table-tested.
 * <p>
 * Refused anywhere: control characters (NUL, escape, …; line breaks and tabs too in one-line text), unpaired surrogate
 * halves (JSON {@code "\ud800"}: not storable as UTF-8), Unicode noncharacters, the bidirectional embedding, override
 * and isolate controls (U+202A–U+202E, U+2066–U+2069: they make "Acme‮gnp.exe" read as something else) and the
 * invisible zero-width space, word joiner and byte-order mark. Text made of nothing visible — spaces of any kind,
 * zero-width joiners, combining marks alone, Hangul fillers, the blank braille pattern — counts as empty, so the
 * caller's "enter a name" message applies rather than a name nobody can see.
 */
public final class TextRules {

    private TextRules() {
    }

    /** One-line text (names, numbers, notes): stripped, "" when nothing visible, null when null. */
    public static String line(String field, String label, String raw) {
        return check(field, label, raw, false);
    }

    /** Text that may span lines (descriptions): line breaks and tabs are allowed, other control characters are not. */
    public static String text(String field, String label, String raw) {
        return check(field, label, raw, true);
    }

    private static String check(String field, String label, String raw, boolean multiline) {
        if (raw == null) {
            return null;
        }
        String problem = problem(raw, multiline);
        if (problem != null) {
            throw new InvalidInputException(field, label + " can't contain " + problem + ".");
        }
        String s = raw.strip();
        return hasVisible(s) ? s : "";
    }

    /** What is wrong with {@code s} ("control characters such as …"), or null when nothing is. */
    public static String problem(String s, boolean multiline) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.CONTROL && !(multiline && (cp == '\n' || cp == '\r' || cp == '\t'))) {
                return multiline ? "control characters (such as NUL or escape)"
                        : "control characters (such as NUL, tabs or line breaks)";
            }
            if (type == Character.SURROGATE) {
                return "a broken character (half of a surrogate pair)";
            }
            if (isNoncharacter(cp)) {
                return "Unicode noncharacters (U+" + String.format("%04X", cp) + ")";
            }
            if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
                return "characters that change the writing direction (U+" + String.format("%04X", cp) + ")";
            }
            if (cp == 0x200B || cp == 0x2060 || cp == 0xFEFF) {
                return "invisible characters (U+" + String.format("%04X", cp) + ")";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** True when at least one character would show as something on the screen. */
    public static boolean hasVisible(String s) {
        return s.codePoints().anyMatch(TextRules::visible);
    }

    private static boolean visible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return false;
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.CONTROL || type == Character.SURROGATE) {
            return false;
        }
        // Hangul fillers, halfwidth Hangul filler, blank braille pattern: letters or symbols that draw nothing.
        return cp != 0x115F && cp != 0x1160 && cp != 0x3164 && cp != 0xFFA0 && cp != 0x2800;
    }

    private static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }
}
