package com.fortinet.marketplace.points;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationAttemptsStatusTest {

    @ParameterizedTest(name = "{0} failures, locked until {1}")
    @CsvSource(delimiter = '|', value = {
            // failures | locked until          | left | warn  | message
            "0          |                       | 10   | false | 10 attempts left",
            "1          |                       | 9    | false | 9 attempts left",
            "5          |                       | 5    | true  | 5 attempts left: after 10 failed attempts in 15 minutes, registration is locked for 15 minutes.",
            "9          |                       | 1    | true  | 1 attempt left",
            "10         | 2026-11-25T18:45:00Z  | 0    | false | Registration is locked until 10:45 PST",
            "12         | 2026-07-01T18:45:00Z  | 0    | false | locked until 11:45 PDT",
    })
    void warnsBeforeTheLockAndSaysWhenItEnds(int failures, Instant until, int left, boolean warn, String message) {
        var s = new RegistrationAttempts.Status(failures, until);
        assertThat(s.locked()).isEqualTo(until != null);
        assertThat(s.left()).isEqualTo(left);
        assertThat(s.warn()).isEqualTo(warn);
        assertThat(s.message()).contains(message);
    }
}
