package com.fortinet.marketplace.flex.entitlements;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EntitlementRulesTest {

    /**
     * Every action from every state, for VMs (token NOTUSED / USED) and hardware: allowed → the status after, or
     * refused ("-"). Columns: action, status, kind (VM-NOTUSED, VM-USED, HW), result.
     */
    @ParameterizedTest(name = "[{index}] {0} {2} {1} → {3}")
    @CsvSource({
            // activate with the token: PENDING → ACTIVE; an ACTIVE VM's regenerated (NOTUSED) token is used again
            "ACTIVATE, PENDING, VM-NOTUSED, ACTIVE",
            "ACTIVATE, ACTIVE,  VM-NOTUSED, ACTIVE",
            "ACTIVATE, ACTIVE,  VM-USED,    -",
            "ACTIVATE, STOPPED, VM-NOTUSED, -",
            "ACTIVATE, STOPPED, VM-USED,    -",
            "ACTIVATE, EXPIRED, VM-NOTUSED, -",
            "ACTIVATE, REMOVED, HW,         -",
            "ACTIVATE, ACTIVE,  HW,         -",
            // stop: ACTIVE only
            "STOP, ACTIVE,  VM-USED,    STOPPED",
            "STOP, ACTIVE,  HW,         STOPPED",
            "STOP, PENDING, VM-NOTUSED, -",
            "STOP, STOPPED, VM-USED,    -",
            "STOP, STOPPED, HW,         -",
            "STOP, EXPIRED, VM-USED,    -",
            "STOP, REMOVED, HW,         -",
            // reactivate: STOPPED only
            "REACTIVATE, STOPPED, VM-USED,    ACTIVE",
            "REACTIVATE, STOPPED, VM-NOTUSED, ACTIVE",
            "REACTIVATE, STOPPED, HW,         ACTIVE",
            "REACTIVATE, ACTIVE,  VM-USED,    -",
            "REACTIVATE, PENDING, VM-NOTUSED, -",
            "REACTIVATE, EXPIRED, VM-USED,    -",
            "REACTIVATE, EXPIRED, HW,         -",
            "REACTIVATE, REMOVED, HW,         -",
            // remove: hardware STOPPED or EXPIRED only
            "REMOVE, STOPPED, HW,         REMOVED",
            "REMOVE, EXPIRED, HW,         REMOVED",
            "REMOVE, ACTIVE,  HW,         -",
            "REMOVE, REMOVED, HW,         -",
            "REMOVE, STOPPED, VM-USED,    -",
            "REMOVE, EXPIRED, VM-USED,    -",
            "REMOVE, PENDING, VM-NOTUSED, -",
            // the end date comes: anything still running or waiting expires
            "EXPIRE, PENDING, VM-NOTUSED, EXPIRED",
            "EXPIRE, ACTIVE,  VM-USED,    EXPIRED",
            "EXPIRE, STOPPED, VM-USED,    EXPIRED",
            "EXPIRE, ACTIVE,  HW,         EXPIRED",
            "EXPIRE, STOPPED, HW,         EXPIRED",
            "EXPIRE, EXPIRED, VM-USED,    -",
            "EXPIRE, REMOVED, HW,         -",
            // a disabled configuration stops its ACTIVE and PENDING entitlements
            "STOP_WITH_CONFIGURATION, ACTIVE,  VM-USED,    STOPPED",
            "STOP_WITH_CONFIGURATION, PENDING, VM-NOTUSED, STOPPED",
            "STOP_WITH_CONFIGURATION, ACTIVE,  HW,         STOPPED",
            "STOP_WITH_CONFIGURATION, STOPPED, VM-USED,    -",
            "STOP_WITH_CONFIGURATION, EXPIRED, VM-USED,    -",
            "STOP_WITH_CONFIGURATION, REMOVED, HW,         -",
            // description and configuration: PENDING, ACTIVE or STOPPED
            "EDIT_DESCRIPTION, PENDING, VM-NOTUSED, PENDING",
            "EDIT_DESCRIPTION, ACTIVE,  HW,         ACTIVE",
            "EDIT_DESCRIPTION, STOPPED, VM-USED,    STOPPED",
            "EDIT_DESCRIPTION, EXPIRED, VM-USED,    -",
            "EDIT_DESCRIPTION, REMOVED, HW,         -",
            "EDIT_CONFIGURATION, PENDING, VM-NOTUSED, PENDING",
            "EDIT_CONFIGURATION, ACTIVE,  VM-USED,    ACTIVE",
            "EDIT_CONFIGURATION, STOPPED, HW,         STOPPED",
            "EDIT_CONFIGURATION, EXPIRED, HW,         -",
            "EDIT_CONFIGURATION, REMOVED, HW,         -",
            // end date: PENDING or ACTIVE
            "EDIT_END_DATE, PENDING, VM-NOTUSED, PENDING",
            "EDIT_END_DATE, ACTIVE,  HW,         ACTIVE",
            "EDIT_END_DATE, STOPPED, VM-USED,    -",
            "EDIT_END_DATE, EXPIRED, VM-USED,    -",
            "EDIT_END_DATE, REMOVED, HW,         -",
            // token: VMs that can still run
            "REGENERATE_TOKEN, PENDING, VM-NOTUSED, PENDING",
            "REGENERATE_TOKEN, ACTIVE,  VM-USED,    ACTIVE",
            "REGENERATE_TOKEN, STOPPED, VM-USED,    STOPPED",
            "REGENERATE_TOKEN, EXPIRED, VM-USED,    -",
            "REGENERATE_TOKEN, ACTIVE,  HW,         -",
    })
    void transitions(Action action, EntitlementStatus status, String kind, String result) {
        boolean hardware = kind.equals("HW");
        TokenStatus token = hardware ? null : TokenStatus.valueOf(kind.substring(3));
        var refusal = EntitlementRules.refusal(action, status, hardware, token);
        if (result.equals("-")) {
            assertThat(refusal).as("refused, with a reason").isPresent();
            assertThat(refusal.get()).isNotBlank();
        } else {
            assertThat(refusal).as("allowed").isEmpty();
            assertThat(EntitlementRules.after(action, status)).isEqualTo(EntitlementStatus.valueOf(result));
        }
    }

    @Test
    void everyActionAndStatusHasAnAnswer() {
        for (Action a : Action.values()) {
            for (EntitlementStatus s : EntitlementStatus.values()) {
                for (boolean hw : new boolean[]{true, false}) {
                    EntitlementRules.refusal(a, s, hw, hw ? null : TokenStatus.NOTUSED);
                }
            }
        }
    }

    @Test
    void refusalsSayWhatToDo() {
        assertThat(EntitlementRules.refusal(Action.REMOVE, EntitlementStatus.ACTIVE, true, null)).hasValueSatisfying(
                m -> assertThat(m).contains("stop it first"));
        assertThat(EntitlementRules.refusal(Action.ACTIVATE, EntitlementStatus.ACTIVE, false, TokenStatus.USED)).hasValueSatisfying(
                m -> assertThat(m).contains("regenerate the token"));
        assertThat(EntitlementRules.refusal(Action.EDIT_END_DATE, EntitlementStatus.STOPPED, false, TokenStatus.USED)).hasValueSatisfying(
                m -> assertThat(m).contains("reactivate it with a new end date"));
    }

    @ParameterizedTest(name = "[{index}] {0} → mixed: {1}")
    @CsvSource({
            "'1',            false",
            "'1,1,1',        false",
            "'101,101',      false",
            "'1,7',          true",
            "'1,1,1,101',    true",
            "'102,103',      true",
            "'',             false",
    })
    void bulkActionsTakeOneProductType(String types, boolean mixed) {
        List<Integer> ids = types.isBlank() ? List.of() : java.util.Arrays.stream(types.split(",")).map(Integer::valueOf).toList();
        assertThat(EntitlementRules.mixedProductTypes(ids).isPresent()).isEqualTo(mixed);
    }
}
