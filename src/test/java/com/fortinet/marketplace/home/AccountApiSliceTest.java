package com.fortinet.marketplace.home;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.database.DatabaseUnavailable;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.support.ApiSliceTest;
import com.fortinet.marketplace.web.NotFoundException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What an API caller gets when something below a controller fails: each way the database can be out of reach is a 503
 * with Retry-After (the caller should try again), anything unforeseen a 500 that tells nothing of the portal's
 * insides. DatabaseOutageTest stops a real database for the first; these are the exception types one outage or
 * another surfaces as, which a real outage can't be made to produce one by one.
 */
@ApiSliceTest(AccountApiController.class)
class AccountApiSliceTest {

    private static final PortalUser ME = new PortalUser(11, "ops@acme.test", "Ops", "", Role.CUSTOMER_USER,
            Permission.READ_WRITE, 7L, true, false);

    @Autowired
    MockMvcTester mvc;
    @MockitoBean
    AccountScope scope;

    /** The caller as the API key filter would leave it; the slice runs without the portal's filters (see ApiSliceTest). */
    @BeforeEach
    void signedIn() {
        TestSecurityContextHolder.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ME, null, ME.getAuthorities()));
    }

    static Stream<RuntimeException> outages() {
        return Stream.of(
                new DataAccessResourceFailureException("Communications link failure"),
                new RecoverableDataAccessException("connection reset"),
                new CannotCreateTransactionException("Could not open JPA EntityManager for transaction"),
                new JDBCConnectionException("unable to obtain connection", new SQLRecoverableException("gone")),
                // as JdbcTemplate and Hibernate wrap a driver's exception: the cause decides
                new IllegalStateException("wrapped", new SQLTransientConnectionException("pool timed out")),
                new IllegalStateException("wrapped", new SQLNonTransientConnectionException("refused")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outages")
    void aDatabaseOutOfReachIs503WithRetryAfter(RuntimeException outage) {
        when(scope.requireVisible(any(), anyLong())).thenThrow(outage);

        MvcTestResult r = mvc.get().uri("/api/v1/accounts/7").exchange();

        assertThat(r).hasStatus(503).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        assertThat(r).bodyJson().extractingPath("$.title").isEqualTo(DatabaseUnavailable.TITLE);
    }

    @Test
    void anUnforeseenFailureIs500AndTellsNothingOfTheInsides() {
        when(scope.accountsOf(any())).thenThrow(new IllegalStateException("index 3 out of bounds in AccountRow.map"));

        MvcTestResult r = mvc.get().uri("/api/v1/accounts").exchange();

        assertThat(r).hasStatus(500).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r).bodyJson().extractingPath("$.detail")
                .isEqualTo("Something went wrong on our side; nothing was changed.");
        assertThat(r).bodyText().doesNotContain("AccountRow", "IllegalStateException", "at com.");
    }

    @Test
    void anAccountOutOfScopeIs404() {
        when(scope.requireVisible(any(), anyLong())).thenThrow(new NotFoundException("Account 8 was not found."));

        MvcTestResult r = mvc.get().uri("/api/v1/accounts/8").exchange();

        assertThat(r).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r).bodyJson().extractingPath("$.detail").isEqualTo("Account 8 was not found.");
    }

    @Test
    void anIdThatIsNotANumberIs400NamingIt() {
        MvcTestResult r = mvc.get().uri("/api/v1/accounts/acme").exchange();

        assertThat(r).hasStatus(400);
        assertThat(r).bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
    }

    @Test
    void theCallersAccountsAreListed() {
        Account acme = mock(Account.class);
        when(acme.getId()).thenReturn(7L);
        when(acme.getName()).thenReturn("Acme");
        when(acme.getType()).thenReturn(AccountType.CUSTOMER);
        when(acme.getRegion()).thenReturn(Region.EMEA);
        when(scope.accountsOf(ME)).thenReturn(List.of(acme));

        MvcTestResult r = mvc.get().uri("/api/v1/accounts").exchange();

        assertThat(r).hasStatus(200);
        assertThat(r).bodyJson().isEqualTo("[{\"accountId\":7,\"name\":\"Acme\",\"type\":\"CUSTOMER\",\"region\":\"EMEA\"}]");
    }
}
