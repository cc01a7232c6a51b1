package com.fortinet.marketplace.web;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One session, many requests at once, as htmx and several tabs send them: pages and htmx fragments right after
 * sign-in (when every request adds the session's CSRF token) and later. Not one may fail.
 */
@PortalTest
class SameSessionParallelRequestsTest {

    static final Map<String, String> HTMX = Map.of("HX-Request", "true");

    @LocalServerPort int port;
    @Autowired AccountRepository accounts;

    record Request(String path, Map<String, String> headers) {
    }

    @Test
    void pagesAndHtmxFragmentsInParallelOnOneSessionAllSucceed() throws Exception {
        long globex = accounts.findAllByOrderByName().stream().filter(a -> a.getName().equals("Globex")).findFirst()
                .orElseThrow().getId();
        List<Request> requests = List.of(
                new Request("/partner/customers", Map.of()),
                new Request("/accounts/" + globex + "/points", Map.of()),
                new Request("/accounts/" + globex + "/units", Map.of()),
                new Request("/accounts/" + globex + "/marketplace", Map.of()),
                new Request("/accounts/" + globex + "/marketplace?part=units", HTMX),
                new Request("/accounts/" + globex + "/marketplace?part=summary", HTMX),
                new Request("/accounts/" + globex + "/flex/transfer/preview?points=10", HTMX),
                new Request("/accounts/" + globex + "/orders", Map.of()));
        for (int round = 0; round < 3; round++) {
            WebSession pat = WebSession.signedIn(port, "pat@partner.demo.test");
            assertAllSucceed(pat, requests, 16);
            assertAllSucceed(pat, requests, 16);
        }
        WebSession staff = WebSession.signedIn(port, "staff@demo.test");
        assertAllSucceed(staff, List.of(new Request("/rts", Map.of()), new Request("/rts/transactions", Map.of()),
                new Request("/rts/contracts?status=RENEWED", Map.of())), 16);
    }

    private void assertAllSucceed(WebSession session, List<Request> requests, int parallel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CyclicBarrier start = new CyclicBarrier(parallel);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            Request r = requests.get(i % requests.size());
            results.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                WebSession.Page page = session.get(r.path(), r.headers());
                return page.status() + " " + r.path();
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        for (Future<String> f : results) {
            assertThat(f.get()).startsWith("200 ");
        }
    }
}
