package dev.parapet.api;

/** Ends a request with a problem+json answer. */
public final class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public ProblemException(ErrorCode code, String detail) {
    this(Problem.of(code, detail));
  }

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
