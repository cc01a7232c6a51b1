package com.fortinet.marketplace.orders;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewSnapshotTest {

    /** "SERIAL SERVICE TERM START END POINTS STATE" per line, lines separated by ";"; "-" for null. */
    static PreviewSnapshot snapshot(String lines) {
        if (lines == null || lines.isBlank()) {
            return new PreviewSnapshot(List.of());
        }
        return new PreviewSnapshot(Arrays.stream(lines.split(";")).map(String::trim).map(l -> {
            String[] f = l.split(" ");
            return new PreviewSnapshot.Entry(f[0], f[1].contains(">") ? f[1].split(">")[0] : f[1],
                    f[1].contains(">") ? f[1].split(">")[1] : null, f[2].equals("-") ? null : Integer.valueOf(f[2]),
                    f[3].equals("-") ? null : LocalDate.parse(f[3]), f[4].equals("-") ? null : LocalDate.parse(f[4]),
                    Long.parseLong(f[5]), PreviewSnapshot.State.valueOf(f[6]));
        }).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case | previewed | under the lock | expected changes (";"-separated fragments), empty = places
            "nothing changed | A FC247 12 2027-01-01 2028-01-01 180 BUY; B UTP 12 2027-02-01 2028-02-01 430 BUY"
                    + " | A FC247 12 2027-01-01 2028-01-01 180 BUY; B UTP 12 2027-02-01 2028-02-01 430 BUY | ",
            "renewed in another tab: dates move on | A FC247 12 2027-01-01 2028-01-01 180 BUY"
                    + " | A FC247 12 2028-01-01 2029-01-01 180 BUY"
                    + " | A FC247: was 2027-01-01 to 2028-01-01 for 180 points, now 2028-01-01 to 2029-01-01 for 180 points.",
            "price changed | A FC247 12 2027-01-01 2028-01-01 180 BUY | A FC247 12 2027-01-01 2028-01-01 200 BUY"
                    + " | now 2027-01-01 to 2028-01-01 for 200 points; Total: was 180 points, now 200 points.",
            "a day passed: one point more | A FC247 - 2026-11-25 2027-06-01 1 BUY | A FC247 - 2026-11-26 2027-06-01 2 BUY"
                    + " | was 2026-11-25 to 2027-06-01 for 1 point, now 2026-11-26 to 2027-06-01 for 2 points",
            "now covered, so left out | A FC247 - 2026-11-25 2027-06-01 90 BUY; B FC247 - 2026-11-25 2027-06-01 90 BUY"
                    + " | A FC247 - - - 0 LEFT_OUT; B FC247 - 2026-11-25 2027-06-01 90 BUY"
                    + " | A FC247: was 2026-11-25 to 2027-06-01 for 90 points, now left out.; Total: was 180 points, now 90 points.",
            "now refused | A FC247 36 2027-01-01 2030-01-01 486 BUY | A FC247 36 - - 0 REFUSED | now refused",
            "term differs | A FC247 12 2027-01-01 2028-01-01 180 BUY | A FC247 36 2027-01-01 2028-01-01 180 BUY | A FC247: was",
            "a line disappeared | A FC247 12 2027-01-01 2028-01-01 180 BUY; B UTP 12 2027-01-01 2028-01-01 430 BUY"
                    + " | A FC247 12 2027-01-01 2028-01-01 180 BUY | B UTP is no longer in the order.",
            "a line appeared | A FC247 12 2027-01-01 2028-01-01 180 BUY"
                    + " | A FC247 12 2027-01-01 2028-01-01 180 BUY; B UTP 12 2027-01-01 2028-01-01 430 BUY"
                    + " | B UTP is new in the order: 2027-01-01 to 2028-01-01 for 430 points.",
            "upgrade line keeps its target | A UTP>ENT - 2026-11-25 2027-03-01 59 BUY | A UTP>ENT - 2026-11-25 2027-03-01 61 BUY"
                    + " | A UTP → ENT: was",
    })
    void comparesWhatWasPreviewedWithWhatWouldBePlaced(String name, String before, String after, String expected) {
        List<String> changes = snapshot(before).differences(snapshot(after));
        if (expected == null) {
            assertThat(changes).isEmpty();
        } else {
            String all = String.join(" ", changes);
            for (String fragment : expected.split(";")) {
                assertThat(all).contains(fragment.trim());
            }
        }
    }

    @Test
    void travelsThroughAFormFieldUnchanged() {
        PreviewSnapshot s = snapshot("FGT60FTK20010001 FC247 12 2027-01-01 2028-01-01 180 BUY;"
                + " FGT60FTK20010001 UTP>ENT - 2026-11-25 2027-03-01 59 BUY; FGT40FTK20020001 FC247 - - - 0 LEFT_OUT;"
                + " S148FFTF20010006 PRMA 12 - - 0 REFUSED");
        String field = s.encode();
        assertThat(field).matches("[A-Za-z0-9_-]+");
        assertThat(PreviewSnapshot.decode(field)).contains(s);
        assertThat(PreviewSnapshot.decode(field).orElseThrow().differences(s)).isEmpty();
    }

    @Test
    void anUnreadableFieldGivesNothingToCompare() {
        assertThat(PreviewSnapshot.decode(null)).isEmpty();
        assertThat(PreviewSnapshot.decode("")).isEmpty();
        assertThat(PreviewSnapshot.decode("not base64 at all!")).isEmpty();
        assertThat(PreviewSnapshot.decode(java.util.Base64.getUrlEncoder().encodeToString("A|B\n".getBytes()))).isEmpty();
        assertThat(PreviewSnapshot.decode(java.util.Base64.getUrlEncoder().encodeToString(
                "A|FC247||x|||1|BUY\n".getBytes()))).isEmpty();
    }
}
