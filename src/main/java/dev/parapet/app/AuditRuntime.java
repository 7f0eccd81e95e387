package dev.parapet.app;

import dev.parapet.audit.AuditDatabase;
import dev.parapet.audit.AuditLog;
import dev.parapet.audit.AuditMode;
import dev.parapet.audit.AuditStore;
import dev.parapet.audit.ChainSigner;
import dev.parapet.audit.ChainVerifier;
import dev.parapet.audit.Checkpoints;
import dev.parapet.audit.DataFiles;
import dev.parapet.audit.HeadFile;
import dev.parapet.audit.HeadStore;
import dev.parapet.audit.Retention;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Opens the audit store chosen by configuration (PostgreSQL when {@code
 * quarkus.datasource.jdbc.url} is set, else embedded H2 in the data directory), migrates it, and
 * runs this node's log.
 */
// before the policy (default priority), so the store opens while the rules compile
@Startup(jakarta.enterprise.inject.spi.ObserverMethod.DEFAULT_PRIORITY - 100)
@ApplicationScoped
public class AuditRuntime {

  private static final Logger LOG = Logger.getLogger(AuditRuntime.class);
  private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);

  private final ParapetConfig config;
  private final Optional<String> jdbcUrl;
  private final Optional<String> username;
  private final Optional<String> password;
  private CompletableFuture<AuditLog> opening;
  private byte[] key;
  private ChainSigner signer;
  private HeadFile headFile;
  private Checkpoints.Sink sink;
  private boolean postgres;
  private DataSource dataSource;

  public AuditRuntime(
      ParapetConfig config,
      @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl,
      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
    this.config = config;
    this.jdbcUrl = jdbcUrl;
    this.username = username;
    this.password = password;
  }

  @PostConstruct
  void open() throws IOException {
    Path dataDir = Path.of(config.dataDir());
    DataFiles.createPrivateDirectories(dataDir);
    key = hmacKey(dataDir);
    signer =
        ChainSigner.loadOrCreate(
            config
                .audit()
                .signingKey()
                .filter(k -> !k.isBlank())
                .map(Path::of)
                .orElse(dataDir.resolve("audit-signing.pem")));
    headFile = new HeadFile(dataDir.resolve("audit-checkpoints.jsonl"));
    sink =
        config
            .audit()
            .checkpointSink()
            .filter(k -> !k.isBlank())
            .map(
                k ->
                    k.equals("log")
                        ? new Checkpoints.Sink.ToLog()
                        : (Checkpoints.Sink) new Checkpoints.Sink.ToFile(new HeadFile(Path.of(k))))
            .orElse(null);
    postgres = jdbcUrl.filter(u -> !u.isBlank()).isPresent();
    // the store opens (and migrates) while the policy compiles: both are start-up's long poles
    opening = new CompletableFuture<>();
    Thread opener =
        new Thread(
            () -> {
              try {
                opening.complete(openLog(dataDir));
              } catch (SQLException | RuntimeException e) {
                opening.completeExceptionally(e);
              }
            },
            "parapet-audit-open");
    opener.setDaemon(true);
    opener.start();
  }

  private AuditLog openLog(Path dataDir) throws SQLException {
    DataSource ds =
        dataSource =
            postgres
                ? AuditDatabase.postgres(
                    jdbcUrl.get(), username.orElse(null), password.orElse(null))
                : AuditDatabase.embedded(dataDir);
    AuditDatabase.migrate(ds, postgres);
    if (!postgres) {
      AuditDatabase.restrictFiles(dataDir);
    }
    ParapetConfig.Audit audit = config.audit();
    AuditMode mode = AuditMode.valueOf(audit.mode().toUpperCase(Locale.ROOT));
    String node = audit.node().filter(n -> !n.isBlank()).orElseGet(AuditRuntime::hostName);
    Checkpoints heads =
        mode == AuditMode.OFF
            ? null
            : new Checkpoints(
                signer,
                node,
                new HeadStore(ds),
                headFile,
                sink,
                audit.checkpointEvery(),
                audit.checkpointInterval(),
                Clock.systemUTC());
    AuditLog opened =
        new AuditLog(
            new AuditStore(ds),
            node,
            mode,
            audit.bufferSize(),
            audit.batchMax(),
            Duration.ofSeconds(10),
            // PostgreSQL forces every commit to disk and is shared; the embedded store gets a
            // journal
            postgres ? null : dataDir.resolve("audit-journal"),
            heads);
    LOG.infof(
        "audit trail: %s store, mode %s, node %s",
        postgres ? "PostgreSQL" : "embedded H2", mode, node);
    return opened;
  }

  /** Start-up ends only with the store open: a store that cannot be opened stops the service. */
  void opened(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
    log();
  }

  void close(@Observes ShutdownEvent event) {
    AuditLog log = opening.getNow(null);
    if (log == null && !opening.isDone()) {
      try {
        log = opening.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        LOG.warnf("audit store never opened: %s", e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (log != null) {
      log.close();
      AuditDatabase.close(dataSource);
    }
  }

  public AuditLog log() {
    try {
      return opening.join();
    } catch (CompletionException e) {
      throw new IllegalStateException(
          "the audit store could not be opened: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** The store, once every decision recorded so far can be read from it. */
  public AuditStore store() {
    if (!log().flush(READ_YOUR_WRITES)) {
      LOG.warnf("audit store is %d records behind the journal", log().backlog());
    }
    return log().store();
  }

  /**
   * A verifier that trusts this instance's key and the keys instances registered in the store, and
   * reads this instance's checkpoint file and its file sink besides the store's heads.
   */
  public ChainVerifier verifier() {
    return new ChainVerifier(store(), key, Map.of(signer.keyId(), signer.publicKey()), headFiles());
  }

  /** This instance's checkpoint file and, when the sink is a file, the sink. */
  public List<HeadFile> headFiles() {
    List<HeadFile> files = new ArrayList<>();
    files.add(headFile);
    if (sink instanceof Checkpoints.Sink.ToFile second) {
      files.add(second.file());
    }
    return files;
  }

  /** This instance's signing key (its public half is what auditors pin). */
  public ChainSigner signer() {
    return signer;
  }

  /** The public keys of every instance that signed heads in the store. */
  public List<HeadStore.PublicKeyEntry> keys() throws SQLException {
    return new HeadStore(dataSource).keys();
  }

  /** The key of the text HMAC. */
  public byte[] key() {
    return key.clone();
  }

  /** Where records the store refused are kept (embedded store only). */
  public String quarantineDir() {
    return Path.of(config.dataDir()).resolve("audit-quarantine").toString();
  }

  public boolean postgres() {
    return postgres;
  }

  @Scheduled(every = "1h", delayed = "5m")
  void purgeOldRecords() throws SQLException {
    Duration age = config.audit().retention();
    if (age.isZero() || log().mode() == AuditMode.OFF) {
      return;
    }
    Instant now = Instant.now();
    long purged = new Retention(log().store(), key).purgeBefore(now.minus(age), now);
    if (purged > 0) {
      LOG.infof("retention purged %d audit records older than %s", purged, age);
    }
  }

  private byte[] hmacKey(Path dataDir) throws IOException {
    Optional<String> configured = config.audit().hmacKey().filter(k -> !k.isBlank());
    if (configured.isPresent()) {
      return configured.get().getBytes(StandardCharsets.UTF_8);
    }
    Path file = dataDir.resolve("audit-hmac.key");
    if (!Files.exists(file)) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      DataFiles.writePrivate(
          file, HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII));
      LOG.warnf("generated an audit HMAC key in %s; set PARAPET_AUDIT_HMAC_KEY to share one", file);
    }
    return Files.readString(file, StandardCharsets.US_ASCII)
        .trim()
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "node-1";
    }
  }
}
