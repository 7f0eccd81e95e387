package dev.parapet.stream;

/** A caller already has as many open streams as one caller may. */
public final class TooManyStreamsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TooManyStreamsException(int limit) {
    super("this key already has " + limit + " open streams; close one or let it expire");
  }
}
