package com.fortinet.marketplace.demo;

import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12 item 10 (DESIGN §6): while demo data is on, every page says so and the start-up log warns. */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class DemoBannerTest {

    @LocalServerPort int port;
    @Autowired DemoBanner banner;

    @Test
    void everyPageSaysDemoDataIsOn() {
        assertThat(new WebSession(port).get("/login").body()).contains("Demo data is on");
        WebSession alice = WebSession.signedIn(port, "alice@acme.demo.test");
        for (String path : new String[]{"/", "/accounts", "/profile", "/no-such-page"}) {
            var page = alice.get(path);
            if (page.status() == 302) {
                page = alice.get(page.location().replaceFirst("^https?://[^/]+", ""));
            }
            assertThat(page.body()).as(path).contains("class=\"demo-banner\"").contains("Demo data is on");
        }
    }

    @Test
    void theStartUpLogWarns(CapturedOutput output) {
        banner.warn();
        assertThat(output.getOut() + output.getErr()).contains("DEMO DATA IS ON").contains("PORTAL_DEMO_ENABLED=false");
    }
}
