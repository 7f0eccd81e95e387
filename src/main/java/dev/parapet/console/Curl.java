package dev.parapet.console;

/** The same request as a curl command, with the key left as a variable (never the viewer's own). */
final class Curl {

  private Curl() {}

  static String of(String baseUri, String jsonBody) {
    String base = baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
    return "curl -s "
        + quote(base + "/v1/check")
        + " -H \"Authorization: Bearer $PARAPET_KEY\""
        + " -H 'Content-Type: application/json' -d "
        + quote(jsonBody);
  }

  /** A single-quoted shell word: nothing inside is expanded. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
