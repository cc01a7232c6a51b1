package com.fortinet.marketplace.support;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.annotation.AliasFor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One API controller with MockMvc, its collaborators mocked with {@code @MockitoBean}: for the status and problem
 * document each kind of bad input gets, which PortalTest would pay a database and a server for.
 * <p>
 * The API's JSON rules (web.JsonConfig) come along, since they decide what a malformed body answers. The page advices
 * (layout, demo banner) stay out: they serve templates and would need the account services. Security filters stay
 * out too: who may call what is walked over real HTTP by SecurityMatrixTest and AccountRoutesMatrixTest, and a slice
 * would only run Boot's default chain, not the portal's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(includeFilters = @Filter(type = FilterType.REGEX, pattern = "com\\.fortinet\\.marketplace\\.web\\.JsonConfig"),
        excludeFilters = @Filter(type = FilterType.REGEX,
                pattern = "com\\.fortinet\\.marketplace\\.(layout\\.LayoutModelAdvice|demo\\.DemoBanner)"))
@AutoConfigureMockMvc(addFilters = false)
public @interface ApiSliceTest {

    /** The controller under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
