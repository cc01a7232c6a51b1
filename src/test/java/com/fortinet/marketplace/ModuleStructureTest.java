package com.fortinet.marketplace;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each top-level package under com.fortinet.marketplace is a module (its package-info.java says what it owns).
 * Spring Modulith fails this test on a cycle between modules or on a type reaching into another module's
 * sub-package (e.g. flex.catalog is flex's own business): move what both sides need to the lower module instead.
 */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(PortalApplication.class);

    @Test
    void modulesHaveNoCyclesAndNoReachesIntoInternals() {
        MODULES.verify();
    }

    @Test
    void everyModuleSaysWhatItOwns() {
        // javac writes no package-info.class for a comment alone, so the source is checked
        MODULES.forEach(module -> assertThat(Path.of("src/main/java", module.getBasePackage().getName().replace('.', '/'),
                "package-info.java"))
                .as("package-info.java of module %s", module.getIdentifier())
                .isRegularFile());
    }
}
