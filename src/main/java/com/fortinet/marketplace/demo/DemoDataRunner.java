package com.fortinet.marketplace.demo;

import com.fortinet.marketplace.database.DemoDataSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Comparator;
import java.util.List;

@Component
@Order(0)
class DemoDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final DemoDataSwitch demo;
    private final List<DemoSeed> seeds;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    DemoDataRunner(DemoDataSwitch demo, List<DemoSeed> seeds, JdbcTemplate jdbc, TransactionTemplate tx) {
        this.demo = demo;
        this.seeds = seeds;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        seeds.stream().sorted(Comparator.comparingInt(DemoSeed::order)).forEach(seed -> tx.executeWithoutResult(s -> {
            // insert ignore doubles as a lock: two instances starting together seed once.
            if (jdbc.update("insert ignore into demo_seeds (name) values (?)", seed.name()) == 1) {
                seed.seed();
                log.info("Demo data '{}' added", seed.name());
            }
        }));
    }
}
