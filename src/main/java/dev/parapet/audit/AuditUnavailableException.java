package dev.parapet.audit;

/** A decision could not be recorded, so it must not be answered as if it had been. */
public final class AuditUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AuditUnavailableException(String message) {
    super(message);
  }
}
