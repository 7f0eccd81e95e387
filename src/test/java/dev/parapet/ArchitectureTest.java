package dev.parapet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import directions the package-info files state, checked on the compiled main classes: the
 * request's way runs {@code api → check → policy → detect → text}, with {@code model} beneath them
 * all; {@code app} wires; {@code audit}, {@code text} and {@code digest} stand on their own.
 */
class ArchitectureTest {

  private static final String[] TOP_LEVEL = {
    "api", "app", "cli", "check", "policy", "detect", "text", "model", "audit", "digest", "console",
    "stream", "gateway"
  };

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    // the build's output directory only: scanning the class path for a package reads every jar
    main = new ClassFileImporter().importPath(Path.of("target", "classes"));
  }

  @Test
  void packagesImportOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("api")
        .definedBy("dev.parapet.api..")
        .layer("app")
        .definedBy("dev.parapet.app..")
        .layer("cli")
        .definedBy("dev.parapet.cli..")
        .layer("check")
        .definedBy("dev.parapet.check..")
        .layer("policy")
        .definedBy("dev.parapet.policy..")
        .layer("detect")
        .definedBy("dev.parapet.detect..")
        .layer("text")
        .definedBy("dev.parapet.text..")
        .layer("model")
        .definedBy("dev.parapet.model..")
        .layer("audit")
        .definedBy("dev.parapet.audit..")
        .layer("digest")
        .definedBy("dev.parapet.digest..")
        .layer("console")
        .definedBy("dev.parapet.console..")
        // stream sessions: a plain core over check; the gateway serves them with the framework,
        // sharing api's authentication and problem bodies
        .layer("stream")
        .definedBy("dev.parapet.stream..")
        .layer("gateway")
        .definedBy("dev.parapet.gateway..")
        .whereLayer("console")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("gateway")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("stream")
        .mayOnlyBeAccessedByLayers("api", "app", "gateway")
        .whereLayer("api")
        .mayOnlyBeAccessedByLayers("console", "gateway")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("app")
        .mayOnlyBeAccessedByLayers("api", "console", "gateway")
        .whereLayer("check")
        .mayOnlyBeAccessedByLayers("api", "app", "cli", "console", "stream", "gateway")
        .whereLayer("policy")
        .mayOnlyBeAccessedByLayers("api", "app", "cli", "check", "console")
        .whereLayer("detect")
        .mayOnlyBeAccessedByLayers("api", "app", "cli", "check", "policy", "console", "stream")
        .whereLayer("text")
        .mayOnlyBeAccessedByLayers("api", "app", "cli", "check", "policy", "detect")
        .whereLayer("model")
        .mayOnlyBeAccessedByLayers(
            "api", "app", "cli", "check", "policy", "detect", "console", "stream", "gateway")
        .whereLayer("audit")
        // cli: bin/parapet verify checks an export offline
        .mayOnlyBeAccessedByLayers("api", "app", "cli", "console")
        .check(main);
  }

  @Test
  void textStandsOnItsOwn() {
    noClasses()
        .that()
        .resideInAPackage("dev.parapet.text..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(elsewhere("text"))
        .check(main);
  }

  @Test
  void auditStandsOnItsOwn() {
    noClasses()
        .that()
        .resideInAPackage("dev.parapet.audit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(elsewhere("audit", "digest"))
        .check(main);
  }

  @Test
  void digestNeedsOnlyTheJdk() {
    classes()
        .that()
        .resideInAPackage("dev.parapet.digest..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.parapet.digest..", "java..", "javax.crypto..")
        .check(main);
  }

  /** Every top-level package of ours but the given ones, as ArchUnit package patterns. */
  private static String[] elsewhere(String... allowed) {
    return java.util.stream.Stream.of(TOP_LEVEL)
        .filter(p -> !java.util.List.of(allowed).contains(p))
        .map(p -> "dev.parapet." + p + "..")
        .toArray(String[]::new);
  }

  @Test
  void onlyApiAppConsoleAndGatewayTouchTheFramework() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "dev.parapet.api..",
            "dev.parapet.app..",
            "dev.parapet.console..",
            "dev.parapet.gateway..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "io.smallrye..",
            "io.vertx..",
            "jakarta..",
            "org.eclipse.microprofile..",
            "org.jboss.resteasy..")
        .check(main);
  }

  /**
   * The console is a second face over the same services: of the API it uses only the authentication
   * (the same keys, tokens and roles) and the problem a tenant refusal carries.
   */
  @Test
  void consoleUsesOnlyTheApisAuthentication() {
    noClasses()
        .that()
        .resideInAPackage("dev.parapet.console..")
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "API classes other than auth and problems",
                (com.tngtech.archunit.core.domain.JavaClass c) ->
                    c.getPackageName().startsWith("dev.parapet.api")
                        && !c.getPackageName().equals("dev.parapet.api.auth")
                        && !c.getName().startsWith("dev.parapet.api.Problem")))
        .check(main);
  }

  @Test
  void droolsStaysInPolicyDrools() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.parapet.policy.drools..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.kie..", "org.drools..")
        .check(main);
  }

  @Test
  void luceneStaysInTheDetectorsThatIndex() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.parapet.detect.lexicon..", "dev.parapet.detect.pii..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.lucene..")
        .check(main);
  }

  @Test
  void noCyclesBetweenTopLevelPackages() {
    slices().matching("dev.parapet.(*)..").should().beFreeOfCycles().check(main);
  }
}
