package dev.parapet.model;

/** A defect in a policy file, reported to officers as {@code file:line: message}. */
public record SourceProblem(String file, int line, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
