package com.fortinet.marketplace.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The portal as a separate JVM (the test classpath, {@code PortalApplication}), with its embedded MariaDB on a data
 * directory the test chooses: for what only a real process shows (restart on the same data, SIGTERM, kill -9).
 * Output goes to {@code target/portal-process/<name>.log}.
 */
public final class PortalProcess implements AutoCloseable {

    private static final Path LOGS = Path.of("target/portal-process");
    /** Shared with the test JVM's own server: binaries are unpacked once and never rewritten while running. */
    private static final Path BASE_DIR = Path.of("target/test-mariadb/base");

    private final Process process;
    private final Path dataDir;
    private final int port;
    private final int dbPort;
    private final Path log;
    private final LogWatch watch;

    private PortalProcess(Process process, Path dataDir, int port, int dbPort, Path log, LogWatch watch) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
        this.dbPort = dbPort;
        this.log = log;
        this.watch = watch;
    }

    /** The process's output lines so far, and a way to wait for one containing a text. */
    private static final class LogWatch {
        private final List<String> lines = new ArrayList<>();
        private final List<Map.Entry<String, CompletableFuture<String>>> waiting = new ArrayList<>();

        synchronized void add(String line) {
            lines.add(line);
            waiting.removeIf(w -> line.contains(w.getKey()) && w.getValue().complete(line));
        }

        synchronized void closed() {
            waiting.forEach(w -> w.getValue().completeExceptionally(new IllegalStateException(
                    "The portal's output ended before a line containing '" + w.getKey() + "'")));
            waiting.clear();
        }

        synchronized CompletableFuture<String> await(String text) {
            for (String l : lines) {
                if (l.contains(text)) {
                    return CompletableFuture.completedFuture(l);
                }
            }
            CompletableFuture<String> f = new CompletableFuture<>();
            waiting.add(Map.entry(text, f));
            return f;
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }
    }

    /** Starts the portal on {@code dataDir} and returns once it is ready (its "Portal ready" log line). */
    public static PortalProcess start(String name, Path dataDir, String... extraArgs) throws Exception {
        Files.createDirectories(LOGS);
        int port = freePort();
        int dbPort = freePort();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "com.fortinet.marketplace.PortalApplication",
                "--server.port=" + port, "--portal.embedded-db.data-dir=" + dataDir,
                "--portal.embedded-db.base-dir=" + BASE_DIR.toAbsolutePath(), "--portal.embedded-db.port=" + dbPort,
                "--portal.demo.enabled=true", "--spring.main.banner-mode=off"));
        cmd.addAll(List.of(extraArgs));
        Path log = LOGS.resolve(name + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        LogWatch watch = new LogWatch();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    watch.add(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
            watch.closed();
        }, "portal-process-" + name);
        reader.setDaemon(true);
        reader.start();
        PortalProcess portal = new PortalProcess(p, dataDir, port, dbPort, log, watch);
        boolean ok;
        try {
            ok = watch.await("Portal ready on port").get(5, TimeUnit.MINUTES) != null;
        } catch (Exception e) {
            ok = false;
        }
        if (!ok) {
            portal.kill();
            throw new IllegalStateException("The portal '" + name + "' did not start; see " + log.toAbsolutePath());
        }
        return portal;
    }

    public int port() {
        return port;
    }

    public ApiClient api(String key) {
        return new ApiClient(port, key);
    }

    /** Straight to the portal's database, with the data directory's credentials (as an operator would). */
    public JdbcTemplate jdbc() throws IOException {
        String password = Files.readString(dataDir.resolveSibling(dataDir.getFileName() + ".password")).trim();
        SingleConnectionDataSource ds = new SingleConnectionDataSource(
                "jdbc:mysql://127.0.0.1:" + dbPort + "/portal?useSSL=false&allowPublicKeyRetrieval=true", "portal",
                password, true);
        return new JdbcTemplate(ds);
    }

    public Path log() {
        return log;
    }

    /** Waits until the portal logs a line containing {@code text} (or has logged it already). */
    public String awaitLog(String text) throws Exception {
        return watch.await(text).get(3, TimeUnit.MINUTES);
    }

    public List<String> logLines() {
        return watch.lines();
    }

    /** SIGTERM without waiting: the caller watches what happens while the portal shuts down. */
    public void signalTerm() {
        process.toHandle().destroy();
    }

    /** Waits for the process to end after {@link #signalTerm()}; returns the exit code. */
    public int awaitExit() throws Exception {
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            kill();
            throw new IllegalStateException("The portal did not stop within 3 minutes of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    /** SIGTERM, as a service manager stops it; returns the exit code. */
    public int terminate() throws Exception {
        signalTerm();
        return awaitExit();
    }

    /** kill -9 of the portal and of its MariaDB: a power cut, as far as the data directory can tell. */
    public void kill() throws Exception {
        Path pidFile = dataDir.resolveSibling(dataDir.getFileName() + ".pid");
        process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            var db = ProcessHandle.of(pid);
            if (db.isPresent()) {
                db.get().destroyForcibly();
                db.get().onExit().get(1, TimeUnit.MINUTES);
            }
        }
        // a killed mariadbd leaves its socket file behind
        Files.deleteIfExists(Path.of(System.getProperty("java.io.tmpdir"), "portal-mariadb." + dbPort + ".sock"));
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            kill();
        }
    }

    /** A data directory under /tmp (java.io.tmpdir), as a user might choose; {@link #deleteTree} removes it. */
    public static Path tmpDataDir(String prefix) throws IOException {
        return Files.createTempDirectory(prefix).resolve("mariadb");
    }

    /** Removes a test's data directory and what lives beside it (password, pid, tmp). */
    public static void deleteTree(Path dataDir) throws IOException {
        Path dir = dataDir.toAbsolutePath().getParent();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
