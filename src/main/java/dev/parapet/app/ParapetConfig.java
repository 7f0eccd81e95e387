package dev.parapet.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Parapet's own settings; each may also be set as an environment variable (PARAPET_RULES_DIR…). */
@ConfigMapping(prefix = "parapet")
public interface ParapetConfig {

  /** The rules directory: tiers of DRL files, profiles.yaml, policy tests, recognizers. */
  @WithDefault("rules")
  String rulesDir();

  /** The lexicons directory: {@code <name>.txt} with {@code <name>.yaml}. */
  @WithDefault("lexicons")
  String lexiconsDir();

  /** Limits on what one request may ask. */
  Limits limits();

  /** Redaction settings. */
  Redaction redaction();

  /** Who may call what. */
  Auth auth();

  /** Hot reload of the policy files. */
  Reload reload();

  /** Hot reload of the policy files. */
  interface Reload {

    /** Quiet time after the last file change before reloading; 0 turns file watching off. */
    @WithDefault("500")
    long debounceMs();
  }

  /** Local state: the embedded audit store, the generated keys. */
  @WithDefault("data")
  String dataDir();

  /**
   * Where prebuilt lexicon indexes are kept, so a restart or a reload with unchanged lexicons opens
   * them instead of building them again; {@code off} builds in memory every time.
   */
  @WithDefault("${parapet.data-dir:data}/lexicon-index")
  String lexiconIndexDir();

  /** The decision log. */
  Audit audit();

  /** The audit trail. */
  interface Audit {

    /** sync: answer once the record is durable; async: bounded buffer, drops counted; off. */
    @WithDefault("sync")
    String mode();

    /** This instance's chain id; the host name when unset (the pod name under Kubernetes). */
    Optional<String> node();

    /**
     * Key of the text HMAC and of retention checkpoints. When unset, one is generated into the data
     * directory on first start; replicas sharing a store must share this key.
     */
    Optional<String> hmacKey();

    /** Records older than this are purged, leaving a signed checkpoint; 0 keeps everything. */
    @WithDefault("90d")
    java.time.Duration retention();

    /** Records that may wait for the writer (async mode drops beyond it). */
    @WithDefault("10000")
    int bufferSize();

    /** Most records committed in one transaction. */
    @WithDefault("512")
    int batchMax();

    /**
     * A PEM file holding this instance's Ed25519 PRIVATE KEY and PUBLIC KEY blocks, which sign
     * chain heads; when unset, one is generated as {@code audit-signing.pem} in the data directory.
     */
    Optional<String> signingKey();

    /** A signed chain head at least every this many stored records. */
    @WithDefault("1000")
    int checkpointEvery();

    /** A signed chain head at least this often while records arrive (and on shutdown). */
    @WithDefault("60s")
    java.time.Duration checkpointInterval();

    /**
     * Where signed heads go besides the store and {@code audit-checkpoints.jsonl} in the data
     * directory: a file path on separate storage, or {@code log}; none when unset.
     */
    Optional<String> checkpointSink();
  }

  /** Authentication: API keys from a file of hashes, and optionally JWTs. */
  interface Auth {

    /**
     * The keys file (hashes only). When it does not exist on start-up, a bootstrap key with every
     * role is generated, printed once, and only its hash written here.
     */
    @WithDefault("${parapet.data-dir:data}/keys.yaml")
    String keysFile();

    /** Whether to demand credentials at all; only for local experiments. */
    @WithDefault("true")
    boolean enabled();

    /** Requests a second per key before 429; 0 turns the limit off. */
    @WithDefault("2000")
    double requestsPerSecond();

    /**
     * Failed authentications one address may make a second, after a burst of {@link
     * #failedAuthBurst()}; beyond that 429 with Retry-After. 0 turns the throttle off.
     */
    @WithDefault("1")
    double failedAuthPerSecond();

    /** Failed authentications one address may make at once before the throttle applies. */
    @WithDefault("20")
    int failedAuthBurst();

    /** The JWT claim that lists the tenants a token may act for; absent, the token is unbound. */
    @WithDefault("tenants")
    String jwtTenantsClaim();

    /** JWT bearer tokens, verified against this PEM public key, roles from the groups claim. */
    Optional<String> jwtPublicKeyFile();

    /** The issuer JWTs must name, if set. */
    Optional<String> jwtIssuer();

    /** The audience JWTs must name, if set. */
    Optional<String> jwtAudience();
  }

  /** Request limits; each breach is answered with a 4xx problem. */
  interface Limits {

    /** Longest text accepted, in code points (413 beyond). */
    @WithDefault("1000000")
    int maxTextLength();

    /**
     * How long a request body may pause between two chunks before the request is answered 408 and
     * its connection closed. Bodies are read before any worker thread is taken, so a slow client
     * holds a connection, never a thread.
     */
    @WithDefault("10s")
    java.time.Duration bodyIdleTimeout();

    /** Requests one key may have in flight at once (429 beyond); 0 turns the bound off. */
    @WithDefault("64")
    int maxInFlightPerKey();

    /** Most messages (and most documents) in one conversation check (413 beyond). */
    @WithDefault("256")
    int maxMessages();

    /** Most tool calls in one conversation check (413 beyond). */
    @WithDefault("64")
    int maxToolCalls();

    /** Most entries in {@code context} (400 beyond). */
    @WithDefault("64")
    int maxContextEntries();

    /** Longest context key or value, in chars (400 beyond). */
    @WithDefault("1024")
    int maxContextValueLength();

    /**
     * Time one check may take; past it the profile's fail mode decides and the answer says how much
     * of the text was checked.
     */
    @WithDefault("1000")
    long budgetMs();

    /** Threads that scan long texts (over 64k code points), apart from short checks. */
    @WithDefault("1")
    int longTextThreads();

    /** Long texts that may wait for a thread before 503. */
    @WithDefault("32")
    int longTextQueue();
  }

  /** Redaction settings. */
  interface Redaction {

    /**
     * Key of the {@code hash} operator, so equal values hash alike across replicas and restarts.
     * Without it the audit HMAC key is used.
     */
    Optional<String> hashKey();
  }
}
