package com.fortinet.marketplace.points;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an account should be told about its points: 80 % / 90 % of the unexpired registered points used, and packs
 * with points left expiring within 90, 30 or 7 days. {@code key} identifies a notice so an e-mail goes out once.
 */
public final class PointsNotices {

    public enum Level { INFO, WARN }

    public record Notice(String key, Level level, String subject, String message) {
    }

    static final int[] USAGE_THRESHOLDS = {90, 80};
    static final int[] EXPIRY_THRESHOLDS = {7, 30, 90};

    private PointsNotices() {
    }

    public static List<Notice> of(PointsSummary summary) {
        List<Notice> notices = new ArrayList<>();
        int used = summary.percentUsedOfUnexpired();
        for (int t : USAGE_THRESHOLDS) {
            if (used >= t) {
                notices.add(new Notice("USAGE_" + t, t >= 90 ? Level.WARN : Level.INFO,
                        "FortiPoints: " + t + "% of your points used",
                        "This account has used " + used + "% of the points of its unexpired packs; "
                                + number(summary.balance()) + " points are left. Register a new pack before you run out."));
                break;
            }
        }
        LocalDate today = summary.today();
        for (PointPack p : summary.packs()) {
            if (p.remaining() == 0 || !PackValidity.isSpendable(p.expiresAt(), today)) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(today, p.expiresAt());
            for (int t : EXPIRY_THRESHOLDS) {
                if (days <= t) {
                    notices.add(new Notice("EXPIRY_" + t + "_PACK_" + p.id(), t <= 30 ? Level.WARN : Level.INFO,
                            "FortiPoints: " + points(p.remaining()) + (p.remaining() == 1 ? " expires in " : " expire in ") + days + (days == 1 ? " day" : " days"),
                            points(p.remaining()) + " of pack " + p.sku() + (p.remaining() == 1 ? " expires on " : " expire on ") + p.expiresAt() + " (in " + days
                                    + (days == 1 ? " day" : " days") + "). Spend them before then: expired points can't be used."));
                    break;
                }
            }
        }
        return notices;
    }

    static String points(long n) {
        return number(n) + (n == 1 ? " point" : " points");
    }

    static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }
}
