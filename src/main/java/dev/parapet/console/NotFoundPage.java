package dev.parapet.console;

/** A console page asked for something that does not exist; shown as a 404 page. */
final class NotFoundPage extends RuntimeException {

  private static final long serialVersionUID = 1L;

  NotFoundPage(String message) {
    super(message, null, false, false);
  }
}
