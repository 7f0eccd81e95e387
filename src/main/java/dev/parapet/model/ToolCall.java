package dev.parapet.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A fact for rules: one string leaf of the arguments of a tool call a model asked for, so an
 * officer can write {@code ToolCall(name == "run_shell", path == "/command", value matches
 * ".*rm\\s+-rf.*")}. Each call also gives one fact with the empty path whose value is the arguments
 * as sent, so rules can name a tool whatever its arguments.
 *
 * @param message the index of the message holding the call
 * @param index the call's position among that message's calls, from 0
 * @param name the tool's name, such as {@code send_email}
 * @param path a JSON pointer into the parsed arguments, such as {@code /to/0}; empty for the call
 *     as a whole
 * @param value the leaf's string value
 */
public record ToolCall(int message, int index, String name, String path, String value) {

  public ToolCall {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(value, "value");
  }

  /** Whether this is a leaf under {@code pointer}: the pointer itself or any element below it. */
  public boolean under(String pointer) {
    return path.equals(pointer) || path.startsWith(pointer + "/");
  }

  /**
   * Whether the value is an email address (or a list of them, comma separated) with one outside
   * {@code domain} and its subdomains; false where no address is found, so a rule about addresses
   * does not fire on other strings. An empty domain means no domain is allowed.
   */
  public boolean addressOutside(String domain) {
    String allowed = domain.strip().toLowerCase(Locale.ROOT);
    boolean outside = false;
    for (String part : value.split("[,;]")) {
      String address = part.strip();
      int lt = address.lastIndexOf('<');
      if (lt >= 0 && address.endsWith(">")) {
        address = address.substring(lt + 1, address.length() - 1).strip();
      }
      int at = address.lastIndexOf('@');
      if (at <= 0 || at == address.length() - 1 || address.indexOf(' ') >= 0) {
        continue;
      }
      String host = address.substring(at + 1).toLowerCase(Locale.ROOT);
      boolean inside = !allowed.isEmpty() && (host.equals(allowed) || host.endsWith("." + allowed));
      outside |= !inside;
    }
    return outside;
  }
}
