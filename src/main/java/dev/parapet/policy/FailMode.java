package dev.parapet.policy;

/** What a profile answers when part of the pipeline fails: block (closed) or let pass (open). */
public enum FailMode {
  CLOSED,
  OPEN
}
