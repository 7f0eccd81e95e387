package dev.parapet.model;

import java.util.List;

/**
 * Thrown when policy files (rules, profiles, lexicons, recognizers) cannot be loaded as written.
 */
public final class InvalidPolicyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<SourceProblem> problems;

  public InvalidPolicyException(List<SourceProblem> problems) {
    super(problems.size() + " problem(s) in the policy, first: " + problems.get(0));
    this.problems = List.copyOf(problems);
  }

  public InvalidPolicyException(String file, int line, String message) {
    this(List.of(new SourceProblem(file, line, message)));
  }

  public List<SourceProblem> problems() {
    return problems;
  }
}
