package com.fortinet.marketplace.web;

import com.fortinet.marketplace.flex.catalog.ParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A refused form answers what the API answers for the same exception, with every message at its input. */
class FormErrorsTest {

    private final ApiExceptionHandler api = new ApiExceptionHandler();

    @Test
    void aFormAnswersTheApisStatusForEachRefusal() {
        Map<RuntimeException, Integer> apiStatus = Map.of(
                new InvalidInputException("name", "Enter a name."), api.invalid(new InvalidInputException("name", "x")).getStatus(),
                new ConflictException("sku", "Taken."), api.conflict(new ConflictException("sku", "x")).getStatus(),
                new BusinessRuleException("Insufficient points", "Not enough."), api.rule(new BusinessRuleException("t", "x")).getStatus(),
                new ForbiddenException("Read only."), api.forbidden(new ForbiddenException("x")).getStatus(),
                new NotFoundException("Gone."), api.notFound(new NotFoundException("x")).getStatus(),
                new TooManyAttemptsException("Wait."), api.tooMany(new TooManyAttemptsException("x")).getStatus());
        apiStatus.forEach((e, status) -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            FormErrors.refused(e, response);
            assertThat(response.getStatus()).as(e.getClass().getSimpleName()).isEqualTo(status).isBetween(400, 499);
        });
        assertThat(FormErrors.status(new IllegalArgumentException("unparsable"))).as("bad input without a status").hasToString("400 BAD_REQUEST");
    }

    @Test
    void everyFieldKeepsItsMessageAndFieldlessOnesGoAboveTheForm() {
        var e = new InvalidInputException(List.of(new InvalidInputException.FieldError("email", "Enter a valid e-mail address."),
                new InvalidInputException.FieldError("password", "Passwords have at least 8 characters."),
                new InvalidInputException.FieldError(null, "Something about the whole form.")));
        FormErrors errors = FormErrors.refused(e, new MockHttpServletResponse());
        assertThat(errors.all()).containsExactly(Map.entry("email", "Enter a valid e-mail address."),
                Map.entry("password", "Passwords have at least 8 characters."), Map.entry("form", "Something about the whole form."));
        assertThat(FormErrors.refused(new BusinessRuleException("Postpaid", "Postpaid programs can't."), "months",
                new MockHttpServletResponse()).get("months")).isEqualTo("Postpaid programs can't.");
    }

    @Test
    void parametersAreNamedAsTheFormNamesThem() {
        var e = new ParameterException(List.of(new ParameterException.Problem(1, "CPUs is 1–96."),
                new ParameterException.Problem(10, "VDOMs is at most 25.")));
        assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("parameters[1]", "parameters[10]");
        assertThat(FormErrors.refused(e, new MockHttpServletResponse()).all()).containsOnlyKeys("p1", "p10");
    }

    @Test
    void checksRefuseOnceWithEveryFailure() {
        FieldChecks checks = new FieldChecks();
        String name = checks.value(() -> TextRules.line("name", "Names", "a\u0000b"));
        checks.run(() -> {
            throw new InvalidInputException("region", "Choose a region.");
        });
        checks.fail("type", "Choose a type.");
        assertThat(name).isNull();
        assertThatThrownBy(checks::done).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("name", "region", "type");
            assertThat(e.field()).isEqualTo("name");
            assertThat(e.getMessage()).contains("Choose a region.").contains("Choose a type.");
        });
        new FieldChecks().done(); // nothing failed: nothing thrown
    }
}
