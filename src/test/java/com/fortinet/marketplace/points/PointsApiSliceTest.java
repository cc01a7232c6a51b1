package com.fortinet.marketplace.points;

import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.support.ApiSliceTest;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.ForbiddenException;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import com.fortinet.marketplace.web.TooManyAttemptsException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The points API's answers to bad input and to each refusal of the registration service: the status, and a problem
 * document naming the field, so a script can tell what to fix. The service is mocked; what it refuses and why is
 * PointsApiTest's, over real HTTP.
 */
@ApiSliceTest(PointsApiController.class)
class PointsApiSliceTest {

    private static final PortalUser ME = new PortalUser(11, "ops@acme.test", "Ops", "", Role.CUSTOMER_USER,
            Permission.READ_WRITE, 7L, true, false);

    @Autowired
    MockMvcTester mvc;
    @MockitoBean
    AccountScope scope;
    @MockitoBean
    PointsQueries queries;
    @MockitoBean
    PackRegistration registration;
    @MockitoBean
    PointsSkus skus;
    @MockitoBean
    BusinessClock clock;

    /** The caller as the API key filter would leave it; the slice runs without the portal's filters (see ApiSliceTest). */
    @BeforeEach
    void signedIn() {
        TestSecurityContextHolder.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ME, null, ME.getAuthorities()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "page=-1, page",
            "size=0, size",
            "size=1001, size",
            "page=first, page",
            "size=9999999999, size",
    })
    void aLedgerPageOutOfRangeIsA400NamingTheParameter(String query, String field) {
        MvcTestResult r = mvc.get().uri("/api/v1/accounts/7/ledger?" + query).exchange();

        assertThat(r).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
        verify(queries, never()).ledgerPage(anyLong(), anyInt(), anyInt());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"registrationCode\": 42}                                | registrationCode",
            "{\"registrationCode\": \"A\", \"registrationCode\": \"B\"} | registrationCode",
            "{\"registrationCode\": [\"K7QF\"]}                        | registrationCode",
    })
    void aBodyOfTheWrongShapeIsA400BeforeTheServiceIsAsked(String body, String field) {
        MvcTestResult r = post(body);

        assertThat(r).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
        verifyNoInteractions(registration);
    }

    @Test
    void bodyThatIsNotJsonIsA400() {
        MvcTestResult r = post("{\"registrationCode\": ");

        assertThat(r).hasStatus(400);
        assertThat(r).bodyJson().extractingPath("$.detail").isEqualTo("The request body is not valid JSON.");
        verifyNoInteractions(registration);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(new InvalidInputException("registrationCode", "That is a SKU, not a code."), 400),
                Arguments.of(new ConflictException("registrationCode", "Already registered."), 409),
                Arguments.of(new TooManyAttemptsException("Wait a minute."), 429),
                Arguments.of(new ForbiddenException("Read-only."), 403),
                Arguments.of(new NotFoundException("Account 7 was not found."), 404));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("refusals")
    void eachRefusalOfTheRegistrationHasItsStatusAndItsReason(RuntimeException refusal, int status) {
        when(registration.register(any(), anyLong(), any(), any())).thenThrow(refusal);

        MvcTestResult r = post("{\"registrationCode\": \"K7QF-9MZD\"}");

        assertThat(r).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r).bodyJson().extractingPath("$.detail").isEqualTo(refusal.getMessage());
    }

    @Test
    void aRegisteredPackIs201WithTheNewBalance() {
        LocalDate today = LocalDate.of(2026, 3, 2);
        when(clock.today()).thenReturn(today);
        PointPack pack = new PointPack(31, 7, "FP-1000", 1000, 1000, today, today.plusYears(3), "REGISTRATION", null);
        when(registration.register(eq(ME), eq(7L), eq("K7QF-9MZD"), anyString()))
                .thenReturn(new PackRegistration.Registered(pack, 4200, false));

        MvcTestResult r = mvc.post().uri("/api/v1/accounts/7/packs").header("Idempotency-Key", "k-1")
                .contentType(MediaType.APPLICATION_JSON).content("{\"registrationCode\": \"K7QF-9MZD\"}").exchange();

        assertThat(r).hasStatus(201);
        assertThat(r).bodyJson().extractingPath("$.packId").isEqualTo(31);
        assertThat(r).bodyJson().extractingPath("$.balance").isEqualTo(4200);
        assertThat(r).doesNotContainHeader("Idempotent-Replayed");
    }

    private MvcTestResult post(String body) {
        return mvc.post().uri("/api/v1/accounts/7/packs")
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}
