package dev.parapet.check;

/** No policy is loaded yet (or the last load failed on start-up), so nothing can be checked. */
public final class PolicyUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PolicyUnavailableException() {
    super("no policy is loaded");
  }
}
