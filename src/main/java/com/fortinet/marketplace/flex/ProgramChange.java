package com.fortinet.marketplace.flex;

import java.time.Instant;
import java.time.LocalDate;

/** One recorded change of a program's dates, as the admin program page lists them. */
public record ProgramChange(long id, long programId, Kind kind, Integer months, LocalDate previousStart,
                            LocalDate previousEnd, LocalDate startDate, LocalDate endDate, String idempotencyKey,
                            String userEmail, Instant createdAt) {

    public enum Kind {
        EXTENDED("Extended"), EDITED("Dates edited"), ENDED("Ended early");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
