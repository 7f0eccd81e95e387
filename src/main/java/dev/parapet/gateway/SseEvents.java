package dev.parapet.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads server-sent events from bytes as they arrive: an event is complete at a blank line, and
 * only a complete event is decoded, so a character or a line split across network reads is read
 * whole. Answers the {@code data} of each event (lines joined by a newline).
 */
final class SseEvents {

  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  /** The data of the events that {@code bytes} completes, in order. */
  List<String> feed(byte[] bytes) {
    pending.write(bytes, 0, bytes.length);
    byte[] all = pending.toByteArray();
    List<String> events = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      int blank = blankLineEnd(all, i);
      if (blank > 0) {
        String data = dataOf(new String(all, start, i - start, StandardCharsets.UTF_8));
        if (data != null) {
          events.add(data);
        }
        start = blank;
        i = blank - 1;
      }
    }
    pending.reset();
    pending.write(all, start, all.length - start);
    return events;
  }

  /** Whether bytes were left without the blank line that ends an event. */
  boolean hasPartialEvent() {
    return pending.size() > 0;
  }

  /** Where the blank line at {@code i} ends ("\n\n", "\r\n\r\n", "\r\r"), else -1. */
  private static int blankLineEnd(byte[] b, int i) {
    if (b[i] == '\n' && i + 1 < b.length && b[i + 1] == '\n') {
      return i + 2;
    }
    if (b[i] == '\r'
        && i + 3 < b.length
        && b[i + 1] == '\n'
        && b[i + 2] == '\r'
        && b[i + 3] == '\n') {
      return i + 4;
    }
    if (b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\r') {
      return i + 2;
    }
    return -1;
  }

  /** The data lines of one event joined, or null when it has none (a comment, a retry). */
  private static String dataOf(String event) {
    StringBuilder data = null;
    for (String line : event.split("\r\n|\r|\n", -1)) {
      if (!line.startsWith("data:")) {
        continue;
      }
      String value = line.substring(5);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      if (data == null) {
        data = new StringBuilder(value);
      } else {
        data.append('\n').append(value);
      }
    }
    return data == null ? null : data.toString();
  }
}
