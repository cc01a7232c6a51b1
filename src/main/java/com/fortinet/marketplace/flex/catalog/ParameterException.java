package com.fortinet.marketplace.flex.catalog;

import com.fortinet.marketplace.flex.FormFieldErrors;
import com.fortinet.marketplace.web.InvalidInputException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Parameter values a product type does not accept (400). Carries every problem, each naming its parameter, so a form
 * shows each next to its input; the API names the first one's field ({@code parameters[<id>]}) and lists all in the detail.
 */
public class ParameterException extends InvalidInputException implements FormFieldErrors {

    /** {@code parameterId} null: about the parameter list as a whole. */
    public record Problem(Integer parameterId, String message) {
        public String field() {
            return parameterId == null ? "parameters" : "parameters[" + parameterId + "]";
        }

        /** The form input's name on pages. */
        public String formField() {
            return parameterId == null ? "parameters" : "p" + parameterId;
        }
    }

    private final List<Problem> problems;

    public ParameterException(List<Problem> problems) {
        super(problems.get(0).field(), problems.stream().map(Problem::message).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public java.util.Map<String, String> formErrors() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        problems.forEach(p -> out.putIfAbsent(p.formField(), p.message()));
        return out;
    }
}
