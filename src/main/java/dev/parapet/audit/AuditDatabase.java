package dev.parapet.audit;

import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Opens the audit store: PostgreSQL when a JDBC URL is configured, else an embedded H2 database in
 * the data directory; migrates either with the same Flyway scripts.
 */
public final class AuditDatabase {

  private AuditDatabase() {}

  /** The embedded store: an H2 file under the data directory, flushed at every commit. */
  public static DataSource embedded(Path dataDir) {
    String url =
        "jdbc:h2:file:"
            + dataDir.toAbsolutePath().resolve("audit")
            + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    return JdbcConnectionPool.create(url, "parapet", "");
  }

  public static DataSource postgres(String url, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    if (user != null) {
      ds.setUser(user);
    }
    if (password != null) {
      ds.setPassword(password);
    }
    return ds;
  }

  /** Releases the store's connections, so that the embedded database file is unlocked. */
  public static void close(DataSource dataSource) {
    if (dataSource instanceof JdbcConnectionPool pool) {
      pool.dispose();
    }
  }

  /** Creates or upgrades the schema. */
  public static void migrate(DataSource dataSource, boolean postgres) {
    Flyway.configure(AuditDatabase.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .placeholders(Map.of("text_type", postgres ? "TEXT" : "CLOB"))
        .load()
        .migrate();
  }
}
