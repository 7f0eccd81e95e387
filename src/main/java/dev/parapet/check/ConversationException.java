package dev.parapet.check;

/**
 * A conversation that cannot be checked as sent; the detail names the field, such as {@code
 * messages[3].tool_calls[0].function.name}, and says what to fix, without quoting the text.
 */
public final class ConversationException extends RuntimeException {

  private final boolean tooLarge;

  ConversationException(String detail, boolean tooLarge) {
    super(detail, null, false, false);
    this.tooLarge = tooLarge;
  }

  /** Whether a limit was passed (413) rather than a shape broken (400). */
  public boolean tooLarge() {
    return tooLarge;
  }
}
