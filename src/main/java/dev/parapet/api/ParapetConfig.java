package dev.parapet.api;

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

  /** Request limits; each breach is answered with a 4xx problem. */
  interface Limits {

    /** Longest text accepted, in code points (413 beyond). */
    @WithDefault("1000000")
    int maxTextLength();

    /** Most entries in {@code context} (400 beyond). */
    @WithDefault("64")
    int maxContextEntries();

    /** Longest context key or value, in chars (400 beyond). */
    @WithDefault("1024")
    int maxContextValueLength();
  }

  /** Redaction settings. */
  interface Redaction {

    /**
     * Key of the {@code hash} operator, so equal values hash alike across replicas and restarts.
     * Without it a random key is used per process.
     */
    Optional<String> hashKey();
  }
}
