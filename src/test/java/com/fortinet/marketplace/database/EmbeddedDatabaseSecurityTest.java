package com.fortinet.marketplace.database;

import com.fortinet.marketplace.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 12 item 2: the embedded MariaDB is reachable from this machine only, and only with the portal's password. */
@PortalTest
class EmbeddedDatabaseSecurityTest {

    @Autowired EmbeddedMariaDb db;
    @Value("${portal.embedded-db.data-dir}") String dataDir;

    String url() {
        return "jdbc:mysql://127.0.0.1:" + db.port() + "/portal?useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=5000";
    }

    @Test
    void aConnectionWithoutTheDataDirectorysPasswordIsRefused() throws Exception {
        for (String[] credentials : new String[][]{{"root", ""}, {"root", "root"}, {"portal", ""}, {"portal", "wrong"},
                {"", ""}, {"mysql", ""}}) {
            assertThatThrownBy(() -> DriverManager.getConnection(url(), credentials[0], credentials[1]).close())
                    .as("user '%s' with password '%s'", credentials[0], credentials[1])
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
        }
        try (Connection c = DriverManager.getConnection(url(), db.username(), db.password())) {
            assertThat(c.createStatement().executeQuery("select 1").next()).isTrue();
        }
    }

    @Test
    void thePasswordIsKeptBesideTheDataDirectoryForItsOwnerOnly() throws Exception {
        Path file = Path.of(dataDir).toAbsolutePath().normalize().resolveSibling(Path.of(dataDir).getFileName() + ".password");
        assertThat(Files.readString(file).trim()).isEqualTo(db.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theServerListensOnLoopbackOnly() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), db.port()), 5_000);
        }
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(external.get(), db.port()), 5_000);
            }
        }).as("connecting through %s", external.get()).isInstanceOf(java.net.ConnectException.class);
    }
}
