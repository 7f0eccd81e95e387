package dev.parapet.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prefilter finds every literal, overlapping or nested, whatever its case. */
class LiteralTrieTest {

  @Test
  void findsOverlappingAndNestedLiteralsCaseInsensitively() {
    LiteralTrie trie = new LiteralTrie(List.of("sk-", "sk-ant-", "ant", "token"));
    List<String> hits = new ArrayList<>();

    trie.scan("my SK-ANT-key and a Token", (literal, start) -> hits.add(literal + "@" + start));

    assertThat(hits).containsExactlyInAnyOrder("0@3", "2@6", "1@3", "3@20");
  }

  @Test
  void nonAsciiTextNeitherMatchesNorBreaksTheScan() {
    LiteralTrie trie = new LiteralTrie(List.of("akia"));
    List<Integer> starts = new ArrayList<>();

    trie.scan("ключ AKIA 密钥 akia", (literal, start) -> starts.add(start));

    assertThat(starts).containsExactly(5, 13);
  }
}
