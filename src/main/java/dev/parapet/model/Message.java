package dev.parapet.model;

import java.util.Objects;

/**
 * A fact for rules: one message of a checked conversation, without its text.
 *
 * @param index the message's position in {@code messages}, from 0
 * @param role {@code system}, {@code developer}, {@code user}, {@code assistant} or {@code tool}
 * @param trust who the message's own content comes from
 * @param name the message's {@code name}, or the empty string
 * @param toolCalls how many tool calls the message asks for
 * @param inScope whether its content was checked: false for history before the last answer when the
 *     request's scope is {@code new}; such messages are still facts, as context
 */
public record Message(
    int index, String role, Trust trust, String name, int toolCalls, boolean inScope) {

  public Message {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(trust, "trust");
    name = name == null ? "" : name;
  }
}
