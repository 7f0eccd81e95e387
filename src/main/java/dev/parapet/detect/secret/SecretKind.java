package dev.parapet.detect.secret;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * One kind of credential in the catalogue: where the prefilter may find it (a literal prefix the
 * token starts with, or a provider keyword that must stand near a bare token), what the whole token
 * looks like, and what a real one must satisfy beyond its shape.
 *
 * @param id the kind, reported in the finding's source as {@code secret/<id>}
 * @param provider who issues it, lowercase (groups kinds into provider families)
 * @param prefixes literals the token starts with, matched case-sensitively; empty for keyword kinds
 * @param keywords words (case-insensitive) at most {@link #KEYWORD_REACH} chars before a bare token
 * @param pattern the whole token, from its first char (RE2/J: linear time whatever is written)
 * @param checksum a check the token's own digits must pass for the finding's full score
 * @param minEntropy Shannon bits per char the token's body must reach
 * @param before how many chars the token may start ahead of its prefix (Azure's client secrets
 *     carry their fixed part fourth)
 */
public record SecretKind(
    String id,
    String provider,
    List<String> prefixes,
    List<String> keywords,
    Pattern pattern,
    Checksum checksum,
    double minEntropy,
    int before) {

  /** How far after a keyword its token may start: same line or the next, in pasted configs. */
  public static final int KEYWORD_REACH = 100;

  public SecretKind {
    prefixes = List.copyOf(prefixes);
    keywords = List.copyOf(keywords);
  }

  boolean byKeyword() {
    return prefixes.isEmpty();
  }
}
