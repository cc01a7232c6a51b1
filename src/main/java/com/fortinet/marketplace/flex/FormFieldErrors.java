package com.fortinet.marketplace.flex;

import java.util.Map;

/** An error about several form fields at once (input name → message), so a form shows each next to its input. */
public interface FormFieldErrors {
    Map<String, String> formErrors();
}
