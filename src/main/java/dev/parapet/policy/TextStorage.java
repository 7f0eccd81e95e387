package dev.parapet.policy;

/** How much of the checked text a profile lets the audit log keep. */
public enum TextStorage {
  NONE,
  REDACTED,
  FULL
}
