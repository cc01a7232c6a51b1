package com.fortinet.marketplace.flex;

import org.springframework.ui.Model;

/**
 * A part of the FortiFlex program page contributed by a feature built on flex (daily usage, its alerts), so the
 * program page knows no such feature (and flex never depends on its sub-packages). Sections show in {@code @Order}.
 */
public interface ProgramPageSection {

    /**
     * Adds what the section's fragment needs to the model and returns that fragment ("flex/usage/sections :: alerts"),
     * or {@code null} to show nothing for this program.
     */
    String contribute(FlexProgram program, Model model);
}
