package dev.parapet.check;

import dev.parapet.model.Trust;

/**
 * One located text of a conversation: a message's content (or one text part of it), a string leaf
 * of a tool call's arguments, or a retrieved document. Each is checked alone and its findings are
 * placed back where it sits.
 *
 * @param length the text's length in code points
 * @param offset where the text starts in its message's text (its text parts joined by a newline),
 *     so a finding's offsets are into that message's text; 0 in arguments and documents
 * @param target a JSON pointer, from a root holding {@code messages} and {@code documents}, to the
 *     string node the text came from; for OpenAI tool calls, to the {@code arguments} string
 * @param inArgumentString whether {@code target} is an arguments string of JSON, inside which
 *     {@code path} locates the leaf
 */
record Piece(
    String text,
    int length,
    Trust trust,
    int message,
    int toolCall,
    String path,
    String document,
    int offset,
    String target,
    boolean inArgumentString) {}
