package com.fortinet.marketplace.points;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.PartnerLinks;
import com.fortinet.marketplace.time.BusinessClock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * E-mails each points notice (80/90 % used, 90/30/7 days before a pack expires) once to the account's users and
 * the users of partners managing it. The dashboard shows the same notices live.
 */
@Component
public class PointsNotifier {

    private final JdbcTemplate jdbc;
    private final PointsQueries queries;
    private final PartnerLinks links;
    private final AccountRepository accounts;
    private final Mailer mailer;
    private final BusinessClock clock;
    private final String portalUrl;

    PointsNotifier(JdbcTemplate jdbc, PointsQueries queries, PartnerLinks links, AccountRepository accounts, Mailer mailer,
                   BusinessClock clock, PortalMailProperties properties) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.links = links;
        this.accounts = accounts;
        this.mailer = mailer;
        this.clock = clock;
        this.portalUrl = properties.baseUrl();
    }

    @Scheduled(cron = "0 20 6 * * *", zone = "America/Los_Angeles")
    @SchedulerLock(name = "points-notifications", lockAtMostFor = "PT30M")
    public void scheduled() {
        runAll();
    }

    /** @return notices sent */
    public int runAll() {
        int sent = 0;
        for (long accountId : jdbc.queryForList("select distinct account_id from point_packs", Long.class)) {
            sent += run(accountId);
        }
        return sent;
    }

    public int run(long accountId) {
        int sent = 0;
        String name = accounts.findById(accountId).map(a -> a.getName()).orElse("account " + accountId);
        for (PointsNotices.Notice n : PointsNotices.of(queries.summary(accountId))) {
            // insert ignore doubles as the "sent once" guard across instances
            int claimed = jdbc.update("insert ignore into points_notifications (account_id, notice_key, created_at) values (?, ?, ?)",
                    accountId, n.key(), Timestamp.from(clock.now()));
            if (claimed == 0) {
                continue;
            }
            String body = "Hello,\n\n" + n.message() + "\n\nAccount: " + name + " (FortiCloud account " + accountId + ")\n"
                    + "Points dashboard: " + portalUrl + "/accounts/" + accountId + "/points\n\n— FortiMarketplace";
            mailer.send(recipients(accountId), n.subject() + " — " + name, body, accountId);
            sent++;
        }
        return sent;
    }

    List<String> recipients(long accountId) {
        Set<String> to = new LinkedHashSet<>(jdbc.queryForList(
                "select email from users where account_id = ? and enabled order by email", String.class, accountId));
        for (long partner : links.partnersOf(accountId)) {
            to.addAll(jdbc.queryForList("select email from users where account_id = ? and enabled order by email", String.class, partner));
        }
        return new ArrayList<>(to);
    }
}
