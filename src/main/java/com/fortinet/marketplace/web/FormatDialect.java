package com.fortinet.marketplace.web;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import java.util.Set;

/**
 * {@code #fmt} in every template: {@code ${#fmt.num(n)}}, {@code #fmt.points(n)}, {@code #fmt.days(n)},
 * {@code #fmt.time(instant)}, … — the static methods of {@link Formats}, called through its one instance, so pages
 * and Java-built messages format alike.
 */
@Component
public class FormatDialect extends AbstractDialect implements IExpressionObjectDialect {

    public FormatDialect() {
        super("portal-format");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("fmt");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return Formats.INSTANCE;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
