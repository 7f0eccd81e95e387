package dev.parapet.console;

/** A form field the console cannot use; its message tells the viewer what to fix. */
final class ConsoleInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ConsoleInputException(String message) {
    super(message, null, false, false);
  }
}
