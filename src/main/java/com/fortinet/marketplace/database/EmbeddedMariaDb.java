package com.fortinet.marketplace.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded MariaDB: one server per JVM, shared by the Spring contexts of that JVM (tests start several) and
 * stopped when the last of them has closed. Each context {@link #acquire acquires} it and releases it when its
 * datasource is gone, i.e. after the web server has drained its requests (graceful shutdown) and the pool is closed.
 * A JVM shutdown hook is only the fallback for a context that never closes; it waits for the contexts first.
 * <p>
 * Security: the server listens on 127.0.0.1 only and the portal signs in as {@value #USER} with a password generated
 * once per data directory and kept beside it in {@code <data-dir>.password}, readable only by its owner. The data
 * directory is never deleted (except with {@code fresh}, which tests use on their own directory).
 */
public final class EmbeddedMariaDb {

    public static final String USER = "portal";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Duration START_WAIT = Duration.ofMinutes(3);
    private static final Duration STOP_WAIT = Duration.ofMinutes(2);
    private static EmbeddedMariaDb instance;

    private final MariaDbServer server;
    private final Path initFile;
    private final String password;
    private final String database;
    private int users;

    private EmbeddedMariaDb(MariaDbServer server, Path initFile, String password, String database) {
        this.server = server;
        this.initFile = initFile;
        this.password = password;
        this.database = database;
    }

    /** Starts the JVM's server on first use; every caller must {@link #release()} it once. */
    public static synchronized EmbeddedMariaDb acquire(Path dataDir, Path baseDir, boolean fresh, String database,
                                                       int port) {
        if (instance == null) {
            instance = start(dataDir, baseDir, fresh, database, port);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stopWhenUnused, "embedded-mariadb-fallback-stop"));
        }
        synchronized (instance) {
            instance.users++;
            if (!instance.server.running()) {
                instance.startServer();
            }
        }
        return instance;
    }

    /** The last user stops the server (cleanly: MariaDB flushes and closes its files). */
    public synchronized void release() {
        users = Math.max(0, users - 1);
        if (users == 0) {
            log.info("Stopping the embedded MariaDB (data in {})", server.dataDir());
            server.stop(STOP_WAIT);
            notifyAll();
        }
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + server.port() + "/" + database
                + "?useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC&characterEncoding=UTF-8"
                + "&connectTimeout=5000";
    }

    public String username() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return server.port();
    }

    public boolean running() {
        return server.running();
    }

    /** An outage on purpose (tests of how the portal behaves while its database is down). */
    public synchronized void stopServer() {
        server.stop(STOP_WAIT);
    }

    public synchronized void startServer() {
        try {
            writeInitFile();
            long started = System.nanoTime();
            server.start(initFile, START_WAIT);
            log.info("Embedded MariaDB started on 127.0.0.1:{} in {} ms (data in {})", server.port(),
                    (System.nanoTime() - started) / 1_000_000, server.dataDir());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB: " + e.getMessage(), e);
        } finally {
            deleteQuietly(initFile);
        }
    }

    /** JVM shutdown: Spring's own hook closes the contexts (draining requests); stop only what they left running. */
    private synchronized void stopWhenUnused() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (users > 0 && System.nanoTime() < deadline) {
            try {
                wait(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop(STOP_WAIT);
    }

    private static EmbeddedMariaDb start(Path dataDir, Path baseDir, boolean fresh, String database, int port) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("portal.embedded-db.database must be letters, digits and _: " + database);
        }
        try {
            Path data = dataDir.toAbsolutePath().normalize();
            if (fresh) {
                deleteRecursively(data);
            }
            Files.createDirectories(data.getParent());
            Path pidFile = data.resolveSibling(data.getFileName() + ".pid");
            stopOrphan(pidFile, data.toString());
            String password = password(data.resolveSibling(data.getFileName() + ".password"));
            MariaDbServer server = new MariaDbServer(baseDir, data, port > 0 ? port : freePort(), List.of("--pid-file=" + pidFile,
                    "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                    "--transaction-isolation=READ-COMMITTED", "--max-connections=400",
                    "--innodb-buffer-pool-size=256M"));
            server.prepare();
            EmbeddedMariaDb db = new EmbeddedMariaDb(server,
                    data.resolveSibling(data.getFileName() + "-tmp").resolve("init.sql"), password, database);
            db.startServer();
            return db;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing the embedded MariaDB", e);
        }
    }

    /**
     * Run by mariadbd itself before it accepts connections: the database and the portal's account, with the password
     * of this data directory. Root keeps MariaDB's default (unix socket, for the operating-system root only).
     */
    private void writeInitFile() throws IOException {
        String sql = String.join("\n",
                "CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                "CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
                "ALTER USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
                // the server is the portal's alone: its account may also create scratch databases (migration tests, tools)
                "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'127.0.0.1';",
                "");
        deleteQuietly(initFile);
        Files.createDirectories(initFile.getParent());
        Files.createFile(initFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(initFile, sql);
    }

    /** The data directory's password: generated on first use, kept beside it, readable and writable by the owner only. */
    static String password(Path file) throws IOException {
        if (Files.exists(file)) {
            String existing = Files.readString(file).trim();
            if (!existing.isEmpty()) {
                return existing;
            }
            Files.delete(file);
        }
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder pw = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            pw.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            return password(file); // another JVM created it first
        }
        Files.writeString(file, pw + "\n");
        return pw.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * A portal killed hard (kill -9, a closed terminal) leaves its mariadbd running and holding the data files;
     * the next start would then wait and fail. The pid file tells us which process is ours to stop.
     */
    private static void stopOrphan(Path pidFile, String dataDir) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            var handle = ProcessHandle.of(pid);
            if (handle.isPresent() && handle.get().info().commandLine().orElse("").contains(dataDir)) {
                log.warn("Stopping a MariaDB left running by an earlier portal process (pid {})", pid);
                handle.get().destroy();
                handle.get().onExit().get(60, TimeUnit.SECONDS);
            }
        } catch (NumberFormatException | InterruptedException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            log.debug("Could not stop an orphaned MariaDB: {}", e.getMessage());
        }
        Files.deleteIfExists(pidFile);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", file, e.getMessage());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
