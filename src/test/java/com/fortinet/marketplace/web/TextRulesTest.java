package com.fortinet.marketplace.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 12 item 8: names and free text refuse control, bidi-override and invisible characters; blank-looking is empty. */
class TextRulesTest {

    /** Escapes: \\uXXXX in the table is turned into the character, so the table shows what is tested. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\u", i)) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    @ParameterizedTest(name = "line \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Acme Corp                 | Acme Corp
            '  Acme  '                | Acme
            Société Générale          | Société Générale
            株式会社                   | 株式会社
            e\\u0301cole                | e\\u0301cole
            \\u05E9\\u05DC\\u05D5\\u05DD   | \\u05E9\\u05DC\\u05D5\\u05DD
            Team \\uD83D\\uDE80          | Team \\uD83D\\uDE80
            a\\u200Db                  | a\\u200Db
            \\u200D                    | ''
            \\u00A0\\u3000              | ''
            \\u3164                    | ''
            \\u2800\\u2800              | ''
            \\u0301                    | ''
            \\u200E                    | ''
            """)
    void accepted(String raw, String expected) {
        assertThat(TextRules.line("name", "Names", unescape(raw))).isEqualTo(unescape(expected));
    }

    @ParameterizedTest(name = "line \"{0}\" refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Acme\\u0000               | control characters
            Ac\\nme                    | control characters
            Ac\\tme                    | control characters
            Acme\\u001B[31m            | control characters
            Acme\\u0085                | control characters
            Acme\\u202Egnp.exe         | writing direction
            \\u2066Acme\\u2069          | writing direction
            \\u202D                    | writing direction
            Ac\\u200Bme                | invisible characters
            \\uFEFFAcme                | invisible characters
            Acme\\uD800                | surrogate
            Acme\\uFFFF                | noncharacters
            """)
    void refused(String raw, String reason) {
        String value = unescape(raw.replace("\\n", "\n").replace("\\t", "\t"));
        assertThatThrownBy(() -> TextRules.line("name", "Account names", value))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Account names can't contain")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("name"));
    }

    @ParameterizedTest(name = "text \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            first line\\nsecond\\tcolumn | true
            bell\\u0007                 | false
            \\u202Eevil                 | false
            """)
    void textAllowsLineBreaksOnly(String raw, boolean ok) {
        String value = unescape(raw.replace("\\n", "\n").replace("\\t", "\t"));
        if (ok) {
            assertThat(TextRules.text("description", "Descriptions", value)).isEqualTo(value.strip());
        } else {
            assertThatThrownBy(() -> TextRules.text("description", "Descriptions", value))
                    .isInstanceOf(InvalidInputException.class);
        }
    }
}
