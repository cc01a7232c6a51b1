package com.fortinet.marketplace.flex.v2;

import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.FlexPrograms;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * FortiFlex v2 names what it acts on by program serial number, configuration id or entitlement serial number, not by
 * account: this finds the account behind each and applies the portal's one scope rule ({@link AccountScope}). Unknown
 * and out-of-scope answer the same 404, so serials and ids of other accounts can't be probed.
 */
@Component
class V2Targets {

    private final JdbcTemplate jdbc;
    private final FlexPrograms programs;
    private final AccountScope scope;

    V2Targets(JdbcTemplate jdbc, FlexPrograms programs, AccountScope scope) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.scope = scope;
    }

    /** The program with that serial in the user's scope; {@code accountId}, when sent, must be the program's account. */
    FlexProgram program(PortalUser me, String serial, Long accountId) {
        String s = serial.strip().toUpperCase(Locale.ROOT);
        NotFoundException notFound = new NotFoundException("Program serial number " + s
                + " was not found among the FortiFlex programs you can use (programs/list shows them).");
        Long owner = jdbc.query("select account_id from flex_programs where serial_number = ?",
                (rs, i) -> rs.getLong(1), s).stream().findFirst().orElse(null);
        if (owner == null || !scope.canSee(me, owner) || (accountId != null && accountId.longValue() != owner)) {
            throw notFound;
        }
        return programs.findByAccount(owner).orElseThrow(() -> notFound);
    }

    /** An account the user can see, named by FortiFlex's {@code accountId}. */
    long account(PortalUser me, long accountId) {
        scope.requireVisible(me, accountId);
        return accountId;
    }

    long accountOfConfig(PortalUser me, long configId) {
        return visible(me, jdbc.query("select account_id from flex_configs where id = ?", (rs, i) -> rs.getLong(1), configId)
                .stream().findFirst()).orElseThrow(() -> new NotFoundException("Configuration " + configId
                + " was not found among the FortiFlex configurations you can use (configs/list shows them)."));
    }

    long accountOfEntitlement(PortalUser me, String serial) {
        String s = serial.strip().toUpperCase(Locale.ROOT);
        return visible(me, jdbc.query("select account_id from flex_entitlements where serial_number = ?",
                (rs, i) -> rs.getLong(1), s).stream().findFirst()).orElseThrow(() -> new NotFoundException(
                "Entitlement " + s + " was not found among the FortiFlex entitlements you can use (entitlements/list shows them)."));
    }

    /** The program of a configuration's account, for its {@code programSerialNumber}. */
    String programSerialOf(long accountId) {
        return programs.findByAccount(accountId).map(FlexProgram::serialNumber).orElse(null);
    }

    private Optional<Long> visible(PortalUser me, Optional<Long> account) {
        return account.filter(a -> scope.canSee(me, a));
    }
}
