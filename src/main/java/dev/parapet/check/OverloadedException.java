package dev.parapet.check;

/** The pool for long texts is full; the caller should retry shortly. */
public final class OverloadedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public OverloadedException() {
    super("too many long texts are being checked; retry shortly");
  }
}
