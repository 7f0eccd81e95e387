package dev.parapet.detect;

import dev.parapet.model.Finding;
import java.util.List;

/**
 * Finds one family of things in a text. Detectors never change the text: they only report what is
 * where, in original code point offsets. Implementations are immutable and safe to share between
 * threads; one instance serves every request of a policy version.
 */
public interface Detector {

  /** The detector family named in each {@link Finding#detector()}: lexicon, pii, secret, … */
  String name();

  List<Finding> detect(DetectorInput input);
}
