package com.fortinet.marketplace.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one CSV: one formula rule for every export, RFC 4180 quoting, and the import parser's rows and line numbers. */
class CsvTest {

    // (moved from RenewalDefinitionsTest: the RTS exports use this rule, as every other export now does)
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain|plain", "a,b|\"a,b\"", "say \"hi\"|\"say \"\"hi\"\"\"", "=SUM(A1)|'=SUM(A1)", "-12|-12",
            "+1 555|'+1 555", "@x|'@x", "|"})
    void csvCells(String in, String out) {
        assertThat(Csv.cell(in == null ? "" : in)).isEqualTo(out == null ? "" : out);
    }

    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "-12.50|-12.50", "6.39|6.39", "-|'-", "-x|'-x", "`\tcmd`|'\tcmd", "=1+2|'=1+2", "@SUM(1)|'@SUM(1)",
            "'quoted|'quoted", "1-2|1-2"})
    void formulasAreDefusedNumbersAreNot(String in, String out) {
        assertThat(Csv.defused(in)).isEqualTo(out);
    }

    @Test
    void aLineIsCrlfTerminatedWithNullsEmptyAndEveryCellDefused() {
        assertThat(Csv.line("a", 1, null, "=cmd", "x,y")).isEqualTo("a,1,,'=cmd,\"x,y\"\r\n");
    }

    @Test
    void parseGivesEachRecordTheLineItStartsOnAndSkipsBlankLines() {
        String text = "\uFEFFmodel,service,points\r\nFGT60F,FC247,180\n\n\"FGT\n100F\",\"say \"\"hi\"\"\",650\r\n ,\t, \nlast,row,1";
        List<Csv.Row> rows = Csv.parse(text);
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 4, 7);
        assertThat(rows.get(0).fields()).containsExactly("model", "service", "points");
        assertThat(rows.get(2).fields()).containsExactly("FGT\n100F", "say \"hi\"", "650");
        assertThat(rows.get(3).get(2)).isEqualTo("1");
        assertThat(rows.get(3).get(9)).isEmpty();
    }

    @Test
    void parseKeepsStrayQuotesAsText() {
        assertThat(Csv.parse("a\"b,c\n").get(0).fields()).containsExactly("a\"b", "c");
        assertThat(Csv.parse("")).isEmpty();
        assertThat(Csv.parse(null)).isEmpty();
    }

    @Test
    void headerFindsColumnsByLowerCaseNameAndNamesTheMissingOnes() {
        Csv.Header h = Csv.header(Csv.parse("Model, SERVICE ,extra\n").get(0), List.of("model", "service", "points"),
                "model,service,term_months,points");
        assertThat(h.has("model")).isTrue();
        assertThat(h.has("service")).isTrue();
        assertThat(h.errors()).containsExactly(
                "Line 1: the header has no 'points' column. Expected: model,service,term_months,points");
    }
}
