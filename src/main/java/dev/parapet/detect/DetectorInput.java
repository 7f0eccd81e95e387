package dev.parapet.detect;

import dev.parapet.model.CheckContext;
import dev.parapet.text.NormalizedText;

/**
 * What a detector sees: the normalized view (with the original inside it) and the request's context
 * (stage, profile, caller's context map).
 */
public record DetectorInput(NormalizedText text, CheckContext context) {

  public String original() {
    return text.original();
  }
}
