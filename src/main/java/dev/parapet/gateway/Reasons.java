package dev.parapet.gateway;

import dev.parapet.check.Decision;
import dev.parapet.check.RuleHit;
import java.util.stream.Collectors;

/** The rules that blocked, said in a line a client can show: reasons and rule ids, never text. */
final class Reasons {

  private Reasons() {}

  static String of(Decision decision) {
    String said =
        decision.rules().stream()
            .filter(r -> r.action() == RuleHit.Effect.BLOCK)
            .map(r -> r.reason() + " (" + r.id() + ")")
            .distinct()
            .collect(Collectors.joining("; "));
    return said.isEmpty() ? "blocked by policy" : said;
  }
}
