package dev.parapet.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictYamlTest {

  @Test
  void suggestsTheNearestKnownKeyAtTheKeysLine() {
    List<SourceProblem> problems = new ArrayList<>();
    StrictYaml doc = StrictYaml.parse("t.yaml", "name: x\n\ntennant: acme\n", problems);

    doc.checkKeys(doc.root(), List.of("name", "tenant"), "", problems);

    assertThat(problems)
        .containsExactly(
            new SourceProblem("t.yaml", 3, "unknown key `tennant`; did you mean `tenant`?"));
  }

  @Test
  void listsTheKnownKeysWhenNoneIsNear() {
    assertThat(StrictYaml.unknownKey("colour", List.of("tenant", "name")))
        .isEqualTo("unknown key `colour`; known keys: name, tenant");
  }

  @Test
  void reportsTheLineOfNestedKeys() {
    List<SourceProblem> problems = new ArrayList<>();
    StrictYaml doc =
        StrictYaml.parse(
            "t.yaml", "cases:\n  - name: a\n    expect:\n      decison: block\n", problems);

    var expect = doc.root().get("cases").get(0).get("expect");
    doc.checkKeys(expect, List.of("decision", "rules"), "case 'a': expect: ", problems);

    assertThat(problems)
        .extracting(SourceProblem::toString)
        .containsExactly(
            "t.yaml:4: case 'a': expect: unknown key `decison`; did you mean `decision`?");
    assertThat(doc.line(doc.root().get("cases").get(0))).isEqualTo(2);
  }

  @Test
  void aKeyGivenTwiceIsAProblem() {
    List<SourceProblem> problems = new ArrayList<>();
    StrictYaml.parse("t.yaml", "category: a\nseverity: low\ncategory: b\n", problems);

    assertThat(problems)
        .extracting(SourceProblem::toString)
        .containsExactly("t.yaml:3: key `category` is given twice; only one can count");
  }

  @Test
  void aSyntaxErrorIsReportedWithItsLine() {
    List<SourceProblem> problems = new ArrayList<>();
    StrictYaml doc = StrictYaml.parse("t.yaml", "a: 1\nb: [unclosed\n", problems);

    assertThat(doc).isNull();
    assertThat(problems).singleElement().satisfies(p -> assertThat(p.line()).isPositive());
  }

  @Test
  void keepsScalarTypes() {
    List<SourceProblem> problems = new ArrayList<>();
    StrictYaml doc = StrictYaml.parse("t.yaml", "n: 3\nf: 0.5\nb: true\ns: '3'\n", problems);

    assertThat(doc.root().get("n").isInt()).isTrue();
    assertThat(doc.root().get("f").asDouble()).isEqualTo(0.5);
    assertThat(doc.root().get("b").asBoolean()).isTrue();
    assertThat(doc.root().get("s").isTextual()).isTrue();
  }
}
