package dev.parapet.check;

import dev.parapet.policy.Profile;

/** Where decisions are recorded; the audit trail implements it. */
public interface DecisionLog {

  /**
   * Records a decision (durably before returning, unless configured otherwise) and returns its
   * audit id.
   *
   * @param text the checked text, which the log hashes and stores only where the profile allows
   */
  String record(Decision decision, String text, Profile profile);

  /** A log that keeps nothing, for tests and for auditing switched off. */
  static DecisionLog discarding() {
    return (decision, text, profile) -> dev.parapet.model.TimeOrderedId.next();
  }
}
