package com.fortinet.marketplace.flex.catalog;

import com.fortinet.marketplace.flex.configs.ConfigChange;
import com.fortinet.marketplace.flex.configs.ConfigService;
import com.fortinet.marketplace.flex.configs.ConfigVersion;
import com.fortinet.marketplace.flex.configs.FlexConfig;
import com.fortinet.marketplace.flex.entitlements.AssetFixtures;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.web.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rate table on the real database: seeded figures, changes re-price configurations as new versions, imports. */
@PortalTest
class RateTableTest {

    @Autowired RateTable rates;
    @Autowired Pricing pricing;
    @Autowired Catalog catalog;
    @Autowired ConfigService configs;
    @Autowired AssetFixtures fixtures;
    @Autowired JdbcTemplate jdbc;

    @Test
    void seededRatesGiveTheDocumentedFiguresAndAreLabelledDemoElsewhere() {
        ProductType vm = catalog.get(1);
        assertThat(pricing.price(vm, ParameterRules.validate(vm, Map.of(1, List.of("2"), 2, List.of("ENT")))).pointsPerDay())
                .isEqualByComparingTo("6.39");
        assertThat(pricing.price(vm, ParameterRules.validate(vm, Map.of(1, List.of("4"), 2, List.of("ENT")))).pointsPerDay())
                .isEqualByComparingTo("12.91");
        assertThat(rates.of(1)).filteredOn(r -> !r.demo()).extracting(Rate::conditions).contains("1=2;2=ENT", "1=4;2=ENT");
        assertThat(rates.all()).filteredOn(Rate::demo).hasSizeGreaterThan(400);
        // every seeded configuration of every product type can be priced
        for (ProductType t : catalog.productTypes()) {
            assertThat(rates.of(t.id())).as(t.name() + " has rates").isNotEmpty();
        }
        ProductType hw = catalog.get(101);
        assertThat(pricing.price(hw, ParameterRules.validate(hw, Map.of(27, List.of("FGT100F"), 28, List.of("FGHWUTP"))))
                .pointsPerDay()).isEqualByComparingTo("5.10");
        String type = jdbc.queryForObject("select column_type from information_schema.columns where table_schema = database() "
                + "and table_name = 'flex_rates' and column_name = 'points_per_day'", String.class);
        assertThat(type).isEqualToIgnoringCase("decimal(10,2)");
    }

    @Test
    void aRateChangeRepricesItsConfigurationsAsANewVersion() {
        var c = fixtures.withProgram();
        // FortiWeb-VM 16 CPUs FWBENT: used by this test's configuration only
        FlexConfig fwb = configs.create(c.accountId(), "FWB 16", 3, Map.of(4, List.of("16"), 5, List.of("FWBENT")), c.actor());
        assertThat(fwb.pointsPerDay()).isEqualByComparingTo("54.40");
        BigDecimal before = fwb.pointsPerDay();
        try {
            rates.put(3, "BASE", "5=FWBENT;4=16", "", "60.25", null, "admin@demo.test");
            FlexConfig after = configs.get(c.accountId(), fwb.id());
            assertThat(after.pointsPerDay()).isEqualByComparingTo("60.25");
            List<ConfigVersion> versions = configs.versions(c.accountId(), fwb.id());
            assertThat(versions.get(0).change()).isEqualTo(ConfigChange.REPRICED);
            assertThat(versions.get(0).actor()).isEqualTo("admin@demo.test");
            assertThat(versions.get(1).pointsPerDay()).isEqualByComparingTo(before);
            assertThat(rates.of(3)).filteredOn(r -> r.conditions().equals("4=16;5=FWBENT")).singleElement()
                    .satisfies(r -> assertThat(r.demo()).isFalse());
        } finally {
            rates.put(3, "BASE", "4=16;5=FWBENT", "", "54.40", null, "test cleanup");
        }
    }

    @Test
    void aChangeThatWouldLeaveAConfigurationWithoutARateIsRefused() {
        var c = fixtures.withProgram();
        FlexConfig fwb = configs.create(c.accountId(), "FWB 8 ADV", 3, Map.of(4, List.of("8"), 5, List.of("FWBADV")), c.actor());
        long id = jdbc.queryForObject("select id from flex_rates where product_type_id = 3 and conditions = '4=8;5=FWBADV'", Long.class);
        assertThatThrownBy(() -> rates.delete(id, null, "admin@demo.test")).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("FWB 8 ADV");
        assertThat(jdbc.queryForObject("select count(*) from flex_rates where id = ?", Integer.class, id)).isEqualTo(1);
        assertThat(configs.versions(c.accountId(), fwb.id())).hasSize(1);
    }

    @Test
    void anImportWithABadLineChangesNothingAndSaysWhichLines() {
        int before = jdbc.queryForObject("select count(*) from flex_rates", Integer.class);
        var r = rates.importCsv("""
                product_type_id,kind,conditions,per_parameter_id,points_per_day
                3,BASE,4=16;5=FWBENT,,1.00
                3,BASE,4=3;5=FWBENT,,1.00
                9,BASE,,,1
                3,ADD,,5,0.5
                3,BASE,4=16;5=FWBENT,,2.00
                """, null, "admin@demo.test");
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).containsExactly(
                "Line 3: CPUs (parameter 4) must be one of 1, 2, 4, 8 or 16, not '3'.",
                "Line 4: '9' is not a FortiFlex product type id (1, 2, 3, 7, 101, 102, 103).",
                "Line 5: Service package (parameter 5) is not a number, so there is nothing to charge per unit of.",
                "Line 6: The same product type, conditions and per-unit parameter appear twice in the file.");
        assertThat(jdbc.queryForObject("select count(*) from flex_rates", Integer.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select points_per_day from flex_rates where product_type_id = 3 and conditions = '4=16;5=FWBENT'",
                BigDecimal.class)).isEqualByComparingTo("54.40");
        assertThat(rates.importCsv("", null, "x").errors()).containsExactly("The file is empty. The first line must be: " + RateTable.CSV_HEADER);
        assertThat(rates.importCsv("a,b\n1,2", null, "x").errors()).hasSize(5);
    }

    @Test
    void theExportReadsBackAsTheSameTable() {
        String csv = rates.csv();
        assertThat(csv).startsWith(RateTable.EXPORT_HEADER + "\r\n").contains("1,BASE,1=2;2=ENT,,6.39,false\r\n")
                .contains("1,ADD,,10,0.11,true\r\n");
        int demo = jdbc.queryForObject("select count(*) from flex_rates where demo", Integer.class);
        var r = rates.importCsv(csv, null, "round trip");
        assertThat(r.ok()).as(String.valueOf(r.errors())).isTrue();
        assertThat(r.created()).isEqualTo(jdbc.queryForObject("select count(*) from flex_rates", Integer.class));
        assertThat(jdbc.queryForObject("select count(*) from flex_rates where demo", Integer.class)).as("demo flags kept").isEqualTo(demo);
        assertThat(rates.csv()).isEqualTo(csv);
    }
}
