package dev.parapet.check;

/** The request named a profile the loaded policy does not have. */
public final class UnknownProfileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownProfileException(String profile) {
    super("unknown profile '" + profile + "'");
  }
}
