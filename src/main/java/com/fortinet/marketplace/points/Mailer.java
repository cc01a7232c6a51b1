package com.fortinet.marketplace.points;

import com.fortinet.marketplace.time.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/**
 * Sends portal e-mail through Spring Mail when an SMTP host is configured (spring.mail.host); otherwise the message
 * only lands in the outbox. Either way it is recorded in mail_outbox, which admins read at /admin/outbox.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    public record OutboxMessage(long id, String recipient, String subject, String body, String status, String error,
                                Long accountId, java.time.Instant createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final JavaMailSender sender;
    private final BusinessClock clock;
    private final String from;

    @Autowired
    public Mailer(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> sender, BusinessClock clock,
                  PortalMailProperties properties) {
        this(jdbc, sender.getIfAvailable(), clock, properties.mail().from());
    }

    /** For tests that point at their own SMTP server. */
    public Mailer(JdbcTemplate jdbc, JavaMailSender sender, BusinessClock clock, String from) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.clock = clock;
        this.from = from;
    }

    public void send(List<String> recipients, String subject, String body, Long accountId) {
        for (String to : recipients) {
            String status = "OUTBOX";
            String error = null;
            if (sender != null) {
                try {
                    SimpleMailMessage m = new SimpleMailMessage();
                    m.setFrom(from);
                    m.setTo(to);
                    m.setSubject(subject);
                    m.setText(body);
                    sender.send(m);
                    status = "SENT";
                } catch (MailException e) {
                    // Kept in the outbox so an admin can see what didn't go out; the notification isn't retried.
                    log.warn("Mail to {} failed: {}", to, e.getMessage());
                    status = "FAILED";
                    error = truncate(e.getMessage(), 500);
                }
            }
            jdbc.update("insert into mail_outbox (recipient, subject, body, status, error, account_id, created_at) values (?, ?, ?, ?, ?, ?, ?)",
                    to, truncate(subject, 200), body, status, error, accountId, Timestamp.from(clock.now()));
        }
    }

    public List<OutboxMessage> recent(int limit, String recipientFilter) {
        String like = "%" + (recipientFilter == null ? "" : recipientFilter.trim()) + "%";
        return jdbc.query("select * from mail_outbox where recipient like ? order by id desc limit ?",
                (rs, i) -> new OutboxMessage(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getString("status"), rs.getString("error"),
                        (Long) rs.getObject("account_id", Long.class), rs.getTimestamp("created_at").toInstant()),
                like, limit);
    }

    public boolean smtpConfigured() {
        return sender != null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
