package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransferRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(delimiter = '|', value = {
            "1|1",
            "1000|1000",
            "  250 |250",
            "1,000|1000",
            "10 000|10000",
            "1_000_000|1000000",
            "1000000000|1000000000",
    })
    void acceptsWholePoints(String raw, long expected) {
        assertThat(TransferRules.parsePoints(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "''|Enter how many FortiPoints to transfer.",
            "'   '|Enter how many FortiPoints to transfer.",
            "0|Transfer at least 1 point.",
            "-5|Transfer at least 1 point.",
            "-0.5|Points are whole numbers: transfer a whole number of points.",
            "1.5|Points are whole numbers: transfer a whole number of points.",
            "0.1|Points are whole numbers: transfer a whole number of points.",
            "abc|Enter a whole number of points with the digits 0–9, e.g. 1000.",
            "12abc|Enter a whole number of points with the digits 0–9, e.g. 1000.",
            "1e3x|Enter a whole number of points with the digits 0–9, e.g. 1000.",
            // issue 12 item 5: written as a whole number, with ASCII digits
            "1e3|Enter a whole number of points with the digits 0–9, e.g. 1000.",
            "１２３|Enter a whole number of points with the digits 0–9, e.g. 1000.",
            "١٢٣|Enter a whole number of points with the digits 0–9, e.g. 1000.",
            "0x10|Enter a whole number of points with the digits 0–9, e.g. 1000.",
            "1000.0|Points are whole numbers: transfer a whole number of points.",
            "+5|Enter a whole number of points with the digits 0–9, e.g. 1000.",
            "1000000001|One transfer is at most 1,000,000,000 points.",
            "99999999999999999999999999|One transfer is at most 1,000,000,000 points.",
            "9223372036854775808|One transfer is at most 1,000,000,000 points.",
    })
    void refusesOtherAmounts(String raw, String message) {
        assertThatThrownBy(() -> TransferRules.parsePoints(raw))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("points");
    }

    @Test
    void jsonNumbersAreCheckedNotTruncated() {
        assertThat(TransferRules.requireValid(new BigDecimal("1E+3"))).isEqualTo(1000);
        assertThatThrownBy(() -> TransferRules.requireValid(new BigDecimal("2.5"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TransferRules.requireValid(null)).isInstanceOf(InvalidInputException.class);
    }

    /** Whole FortiPoints × a rate with up to two decimals: exact hundredths, never rounded. */
    @ParameterizedTest(name = "{0} points at rate {1} → {2}")
    @CsvSource({"1, 1, 1.00", "1000, 1, 1000.00", "1000, 2, 2000.00", "1000000000, 3, 3000000000.00",
            "1, 1.25, 1.25", "3, 0.33, 0.99", "7, 1.01, 7.07", "1000000000, 1.99, 1990000000.00", "1, 0.01, 0.01"})
    void flexPointsAtTheConfiguredRate(long points, String rate, String expected) {
        FlexPoints acquired = TransferRules.flexPoints(points, FlexPoints.parse(rate));
        assertThat(acquired).isEqualTo(FlexPoints.parse(expected));
        assertThat(acquired.toBigDecimal().scale()).isEqualTo(2);
    }

    @ParameterizedTest(name = "rate {0} is a configuration error")
    @CsvSource({"0", "-1", "1.255", "0.001"})
    void aRateThatIsNotPositiveHundredthsIsAConfigurationError(String rate) {
        assertThatThrownBy(() -> TransferRules.rate(new BigDecimal(rate))).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "rate {0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {"1 | 1 | 1 FortiFlex point", "2 | 2 | 2 FortiFlex points",
            "1.25 | 1.25 | 1.25 FortiFlex points", "1000 | 1,000 | 1,000 FortiFlex points"})
    void ratesReadAsPeopleWriteThem(String rate, String number, String text) {
        assertThat(TransferRules.rateNumber(TransferRules.rate(new BigDecimal(rate)))).isEqualTo(number);
        assertThat(TransferRules.rateText(TransferRules.rate(new BigDecimal(rate)))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} {1}–{2}: {3}")
    @CsvSource(delimiter = '|', value = {
            // type  | start      | end        | refusal title (empty = allowed)
            "PREPAID | 2026-01-01 | 2029-01-01 | ''",
            "PREPAID | 2026-11-25 | 2029-01-01 | ''",
            "PREPAID | 2023-11-25 | 2026-11-26 | ''",
            "PREPAID | 2023-11-25 | 2026-11-25 | FortiFlex program ended",
            "PREPAID | 2020-01-01 | 2023-01-01 | FortiFlex program ended",
            "PREPAID | 2026-11-26 | 2029-11-26 | FortiFlex program not started",
            "POSTPAID | 2026-01-01 | 2029-01-01 | Postpaid FortiFlex program",
            "POSTPAID | 2020-01-01 | 2023-01-01 | Postpaid FortiFlex program",
    })
    void whichProgramsTakeTransfers(FlexProgramType type, LocalDate start, LocalDate end, String title) {
        var program = new FlexProgram(1, 1, type, type.serialPrefix() + "0000000101", start, end, null);
        var refusal = TransferRules.refusal(program, TODAY);
        if (title.isEmpty()) {
            assertThat(refusal).isEmpty();
        } else {
            assertThat(refusal).get().extracting(PrepaidCredit.Refusal::title).isEqualTo(title);
        }
    }

    @Test
    void postpaidRefusalIsTheExactDesignMessage() {
        var program = new FlexProgram(1, 1, FlexProgramType.POSTPAID, "ELAVMS0000000102", TODAY.minusYears(1), TODAY.plusYears(1), null);
        assertThatThrownBy(() -> TransferRules.requireTransferable(program, TODAY))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("FortiPoints can only be transferred to a FortiFlex prepaid (Enterprise) program; "
                        + "postpaid MSSP programs are billed monthly.");
    }

    @Test
    void noProgramAndEndedProgramSayWhatToDo() {
        assertThat(TransferRules.refusal(null, TODAY)).get().extracting(PrepaidCredit.Refusal::message).asString()
                .contains("no FortiFlex program").contains("Ask your Fortinet account manager");
        var ended = new FlexProgram(1, 1, FlexProgramType.PREPAID, "ELAVMR0000000101", LocalDate.of(2023, 1, 1), LocalDate.of(2026, 1, 1), null);
        assertThat(TransferRules.refusal(ended, TODAY)).get().extracting(PrepaidCredit.Refusal::message).asString()
                .contains("ELAVMR0000000101 ended on 2026-01-01").contains("extend it");
    }
}
