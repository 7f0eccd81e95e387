package dev.parapet.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque page cursor the audit API hands out: the last record's time and id, base64url, so the
 * next page starts strictly after it.
 */
public final class AuditCursor {

  private AuditCursor() {}

  /** The cursor of the page that follows {@code last}. */
  public static String after(AuditRecord last) {
    String raw = Instant.parse(last.time()).toEpochMilli() + ":" + last.auditId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a cursor this codec gave out; null or blank is the first page.
   *
   * @throws IllegalArgumentException when it is not one this codec gave out
   */
  public static AuditStore.Cursor parse(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int colon = raw.indexOf(':');
      return new AuditStore.Cursor(
          Long.parseLong(raw.substring(0, colon)), raw.substring(colon + 1));
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("not an audit cursor: " + cursor, e);
    }
  }
}
