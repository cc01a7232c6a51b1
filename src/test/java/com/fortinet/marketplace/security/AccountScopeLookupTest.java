package com.fortinet.marketplace.security;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.support.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AccountScope#find}: within one GET request the account is read once (the layout and the page both ask), a
 * POST reads it afresh each time (it may have just changed it), and outside a request nothing is remembered.
 */
@PortalTest
class AccountScopeLookupTest {

    @Autowired AccountScope scope;
    @Autowired AccountService accountService;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void leaveRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aGetRequestReadsTheAccountOnceAPostEveryTime() {
        Account created = accountService.create("Lookup Ltd", AccountType.CUSTOMER, Region.EMEA);
        long id = created.getId();

        inRequest("GET");
        Account first = scope.find(id).orElseThrow();
        assertThat(first.getName()).isEqualTo("Lookup Ltd");
        assertThat(first.getRegion()).isEqualTo(Region.EMEA);
        assertThat(first.getCreatedAt()).isNotNull();
        rename(id, "Lookup Ltd renamed");
        assertThat(scope.find(id)).containsSame(first);
        assertThat(scope.find(Long.MAX_VALUE)).isEmpty();
        assertThat(scope.find(Long.MAX_VALUE)).isEmpty();

        inRequest("GET");
        assertThat(scope.find(id).orElseThrow().getName()).as("a new request reads again").isEqualTo("Lookup Ltd renamed");

        inRequest("POST");
        assertThat(scope.find(id).orElseThrow().getName()).isEqualTo("Lookup Ltd renamed");
        rename(id, "Lookup Ltd again");
        assertThat(scope.find(id).orElseThrow().getName()).as("a POST may change what it shows").isEqualTo("Lookup Ltd again");

        RequestContextHolder.resetRequestAttributes();
        rename(id, "Lookup Ltd outside");
        assertThat(scope.find(id).orElseThrow().getName()).isEqualTo("Lookup Ltd outside");
    }

    private static void inRequest(String method) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest(method, "/x")));
    }

    private void rename(long id, String name) {
        jdbc.update("update accounts set name = ? where id = ?", name, id);
    }
}
