package com.fortinet.marketplace.flex.catalog;

import com.fortinet.marketplace.web.InvalidInputException;

import java.util.List;

/**
 * Parameter values a product type does not accept (400). Carries every problem, each naming its parameter, so a form
 * shows each next to its input; the API names each ({@code parameters[<id>]}) in the problem's errors and all in its detail.
 */
public class ParameterException extends InvalidInputException {

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
        super(problems.stream().map(p -> new FieldError(p.field(), p.message(), p.formField())).toList());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
