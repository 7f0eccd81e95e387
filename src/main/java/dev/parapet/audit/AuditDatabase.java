package dev.parapet.audit;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Opens the audit store: PostgreSQL when a JDBC URL is configured, else an embedded H2 database in
 * the data directory; migrates either with the same Flyway scripts.
 */
public final class AuditDatabase {

  /** The writer's connection plus a few for auditors' queries and exports. */
  private static final int POOL_SIZE = 8;

  private AuditDatabase() {}

  /**
   * The embedded store: an H2 file under the data directory. It is closed by the service after the
   * audit writer has finished, not by H2's own shutdown hook before it.
   *
   * <p>H2 writes its changes in the background (its default write delay) rather than at every
   * commit: the audit journal in front of it is the durable point, and a journal segment is deleted
   * only after {@code CHECKPOINT SYNC}. Writing at every commit rewrote the same index pages dozens
   * of times a second, and that traffic slowed the journal's own fsyncs.
   */
  public static DataSource embedded(Path dataDir) {
    String url =
        "jdbc:h2:file:"
            + dataDir.toAbsolutePath().resolve("audit")
            + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
    return JdbcConnectionPool.create(url, "parapet", "");
  }

  /**
   * Makes the embedded database's files readable by the service's user alone: H2 creates them with
   * the process's default mask.
   */
  public static void restrictFiles(Path dataDir) {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dataDir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.getFileName().toString().startsWith("audit.")) {
          DataFiles.restrict(file);
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot restrict the audit store's files", e);
    }
  }

  /** PostgreSQL through a small pool: the writer and the auditors' queries reuse connections. */
  public static DataSource postgres(String url, String user, String password) {
    try {
      return AgroalDataSource.from(
          new AgroalDataSourceConfigurationSupplier()
              .connectionPoolConfiguration(
                  pool ->
                      pool.minSize(1)
                          .initialSize(1)
                          .maxSize(POOL_SIZE)
                          .acquisitionTimeout(Duration.ofSeconds(10))
                          .validationTimeout(Duration.ofSeconds(30))
                          // a database restart must cost one failed batch, not a stuck pool
                          .connectionValidator(ConnectionValidator.defaultValidatorWithTimeout(5))
                          .exceptionSorter(new PostgreSQLExceptionSorter())
                          .connectionFactoryConfiguration(
                              factory -> {
                                factory
                                    .connectionProviderClass(org.postgresql.Driver.class)
                                    .jdbcUrl(url);
                                if (user != null) {
                                  factory.principal(new NamePrincipal(user));
                                }
                                if (password != null) {
                                  factory.credential(new SimplePassword(password));
                                }
                                return factory;
                              })));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the PostgreSQL pool: " + e.getMessage(), e);
    }
  }

  /** Releases the store's connections, so that the embedded database file is unlocked. */
  public static void close(DataSource dataSource) {
    if (dataSource instanceof JdbcConnectionPool pool) {
      pool.dispose();
    } else if (dataSource instanceof AgroalDataSource pool) {
      pool.close();
    }
  }

  /** Creates or upgrades the schema. */
  public static void migrate(DataSource dataSource, boolean postgres) {
    migrate(dataSource, postgres, null);
  }

  /** Creates or upgrades the schema up to a version, or the latest when it is null. */
  static void migrate(DataSource dataSource, boolean postgres, String version) {
    FluentConfiguration flyway =
        Flyway.configure(AuditDatabase.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .placeholders(
                Map.of(
                    "text_type",
                    postgres ? "TEXT" : "CLOB",
                    "inline_text_type",
                    postgres ? "TEXT" : "CHARACTER VARYING"));
    if (version != null) {
      flyway.target(version);
    }
    flyway.load().migrate();
  }
}
