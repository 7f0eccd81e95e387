package dev.parapet.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parapet.digest.Sha256;

/**
 * The canonical encoding a record's hash covers: its JSON with members in declaration order, {@code
 * hash} left empty, no insignificant whitespace. {@code prevHash} and {@code seq} are inside it,
 * which is what chains the records.
 */
final class Canonical {

  static final String GENESIS = "0".repeat(64);

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

  private Canonical() {}

  static String encode(AuditRecord record) {
    try {
      return JSON.writeValueAsString(
          record.chained(record.node(), record.seq(), record.prevHash(), ""));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode an audit record", e);
    }
  }

  static String json(AuditRecord record) {
    try {
      return JSON.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode an audit record", e);
    }
  }

  private static final String EMPTY_HASH = "\"hash\":\"\"}";

  /**
   * The record's JSON from its canonical encoding: {@code hash} is the last member, so filling it
   * in costs a string copy instead of a second serialization.
   */
  static String withHash(String canonical, String hash) {
    if (!canonical.endsWith(EMPTY_HASH)) {
      throw new IllegalStateException("the canonical encoding no longer ends with its hash");
    }
    return canonical.substring(0, canonical.length() - 3) + '"' + hash + "\"}";
  }

  private static final java.util.regex.Pattern TRAILING_HASH =
      java.util.regex.Pattern.compile("\"hash\":\"[0-9a-f]*\"}$");

  /**
   * The hash a stored or exported record's JSON text should carry: SHA-256 of the text with its
   * final {@code "hash":"…"} member emptied, byte for byte as it was written; null when the text
   * does not end with a hash member.
   */
  static String hashOfText(String json) {
    java.util.regex.Matcher m = TRAILING_HASH.matcher(json);
    if (!m.find()) {
      return null;
    }
    return sha256(json.substring(0, m.start()) + EMPTY_HASH);
  }

  static AuditRecord parse(String json) {
    try {
      return JSON.readValue(json, AuditRecord.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an audit record is not readable", e);
    }
  }

  static String sha256(String canonical) {
    return Sha256.hex(canonical);
  }
}
