package com.fortinet.marketplace.flex.v2;

import com.fortinet.marketplace.flex.FlexPrograms;
import com.fortinet.marketplace.flex.catalog.ProductType;
import com.fortinet.marketplace.flex.configs.ConfigJson;
import com.fortinet.marketplace.flex.configs.FlexConfig;
import com.fortinet.marketplace.flex.entitlements.Entitlement;
import com.fortinet.marketplace.flex.entitlements.EntitlementJson;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * FortiFlex v2's objects with its field names (as its Terraform provider reads them: programs
 * {@code serialNumber, accountId, startDate, endDate, hasSupportCoverage}; configurations {@code id, accountId,
 * programSerialNumber, name, status, productType{id, name}, parameters[{id, name, value}]}; entitlements
 * {@code serialNumber, description, configId, accountId, startDate, endDate, status, token, tokenStatus}).
 * Dates are written as FortiFlex writes them, {@code 2027-03-31T00:00:00}.
 */
final class V2Json {

    private V2Json() {
    }

    static String date(LocalDate d) {
        return d == null ? null : d + "T00:00:00";
    }

    record Program(String serialNumber, long accountId, String type, String startDate, String endDate,
                   boolean hasSupportCoverage) {

        static Program of(FlexPrograms.ProgramRow p, LocalDate today) {
            return new Program(p.serialNumber(), p.accountId(), p.type().name(), date(p.startDate()), date(p.endDate()),
                    !today.isBefore(p.startDate()) && today.isBefore(p.endDate()));
        }
    }

    record ProductTypeRef(int id, String name) {
    }

    /** {@code pointsPerDay} is the portal's addition: what one entitlement of it costs a day. */
    record Config(long id, long accountId, String programSerialNumber, String name, String status,
                  ProductTypeRef productType, List<ConfigJson.ParameterValue> parameters, BigDecimal pointsPerDay) {

        static Config of(FlexConfig c, ProductType type, String programSerialNumber) {
            ConfigJson j = ConfigJson.of(c, type);
            return new Config(c.id(), c.accountId(), programSerialNumber, c.name(), c.status().name(),
                    new ProductTypeRef(type.id(), type.code()), j.parameters(), c.pointsPerDay());
        }
    }

    /** {@code token} null for hardware, masked for read-only users (as in /api/v1). */
    record EntitlementV2(String serialNumber, String description, long configId, long accountId, int productTypeId,
                         String startDate, String endDate, String status, String token, String tokenStatus) {

        static EntitlementV2 of(Entitlement e, boolean showToken) {
            EntitlementJson j = EntitlementJson.of(e, showToken);
            return new EntitlementV2(j.serialNumber(), j.description() == null ? "" : j.description(), j.configId(),
                    j.accountId(), j.productTypeId(), date(j.startDate()), date(j.endDate()), j.status().name(), j.token(),
                    j.tokenStatus() == null ? null : j.tokenStatus().name());
        }
    }

    /** FortiFlex's success envelopes, one per answer key. Records so an idempotent replay reads them back exactly. */
    record Programs(int status, String message, String error, List<Program> programs) {
    }

    record Configs(int status, String message, String error, List<Config> configs) {
    }

    record OneConfig(int status, String message, String error, Config configs) {
    }

    record Entitlements(int status, String message, String error, List<EntitlementV2> entitlements) {
    }

    static final String OK = "Request processed successfully.";
}
