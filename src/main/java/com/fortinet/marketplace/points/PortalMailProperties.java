package com.fortinet.marketplace.points;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.base-url} (the address links in e-mails point to) and {@code portal.mail.from} (the sender of the
 * points notices). The SMTP server itself is Boot's {@code spring.mail.*}.
 */
@ConfigurationProperties("portal")
public record PortalMailProperties(@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue Mail mail) {

    public record Mail(@DefaultValue("FortiMarketplace <no-reply@marketplace.example>") String from) {
    }
}
