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

  /** A hold-back without bound: a stream releases nothing before its answer closes. */
  int UNBOUNDED = Integer.MAX_VALUE;

  /**
   * How close to a text's end, in code points, text still to come can change a finding of this
   * detector: the longest span one finding can cover across whitespace, with the context it reads
   * after it. A run without whitespace is held whole by the stream whatever its length, so shapes
   * that never hold whitespace (URLs, emails, tokens) need not count here. Streams hold back this
   * much.
   */
  default int holdBack() {
    return UNBOUNDED;
  }

  /**
   * Like {@link #holdBack()}, counted in letters and digits with a repeated one counted once, for
   * detectors that see through stretched, spaced and dotted letters ("fuuuck", "s h i t",
   * "s.h.i.t"): the most letter runs one match can hold, plus one. 0 when {@link #holdBack()} says
   * it all.
   */
  default int holdBackLetters() {
    return 0;
  }

  /**
   * Where in {@code text} a match still open could start, one that text still to come may close (a
   * private key whose END line has not come yet); -1 when none is open.
   */
  default int openFrom(String text) {
    return -1;
  }
}
