package dev.parapet.check;

/**
 * How large a conversation may be.
 *
 * @param maxCodePoints all the text together, tool-call arguments and documents included
 */
public record ConversationLimits(int maxMessages, int maxToolCalls, int maxCodePoints) {

  public static final ConversationLimits DEFAULT = new ConversationLimits(256, 64, 1_000_000);
}
