package dev.parapet.detect.injection;

/** How a run of text was hidden, when a signal was found only after decoding it. */
enum Decoding {
  TAG("tag"),
  BASE64("base64"),
  HEX("hex"),
  BINARY("binary"),
  MORSE("morse"),
  ROT13("rot13");

  private final String wireName;

  Decoding(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }
}
