package dev.parapet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parapet.SuppressForbidden;
import dev.parapet.check.CheckService;
import dev.parapet.check.Evaluation;
import dev.parapet.check.LabelledCase;
import dev.parapet.check.PolicyTests;
import dev.parapet.model.InvalidPolicyException;
import dev.parapet.model.SourceProblem;
import dev.parapet.policy.Policy;
import dev.parapet.policy.PolicyLoader;
import dev.parapet.policy.PolicyTestRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The officers' command line, which needs no running server:
 *
 * <pre>
 * parapet test [--rules DIR] [--lexicons DIR]            compile the policy, run its tests
 * parapet evaluate FILE.jsonl [--rules DIR] [--lexicons DIR]   measure it on a labelled set
 * parapet verify EXPORT.jsonl --public-key KEY.pem [--public-key …]   verify an audit export
 * </pre>
 *
 * Exit codes: 0 all passed, 1 a test failed, 2 the policy or the input could not be read.
 */
public final class ParapetCli {

  /**
   * The system property naming where compiled tiers and lexicon indexes are kept between runs;
   * empty or {@code off} for none. {@code bin/parapet} sets it to {@code target/cli-cache}.
   */
  static final String CACHE_DIR = "parapet.cli.cache-dir";

  private final PrintStream out;
  private final PrintStream err;
  private final Path cacheDir;

  ParapetCli(PrintStream out, PrintStream err) {
    this(out, err, null);
  }

  /**
   * @param cacheDir where compiled tiers and lexicon indexes are kept between runs, or null
   */
  ParapetCli(PrintStream out, PrintStream err, Path cacheDir) {
    this.out = out;
    this.err = err;
    this.cacheDir = cacheDir;
  }

  @SuppressForbidden(reason = "a command line tool writes to the terminal")
  public static void main(String[] args) {
    System.exit(new ParapetCli(System.out, System.err, usableCache()).run(args));
  }

  /** The cache directory when one is set and can be written, else null: the cache is optional. */
  static Path usableCache() {
    String dir = System.getProperty(CACHE_DIR, "").strip();
    if (dir.isEmpty() || dir.equalsIgnoreCase("off")) {
      return null;
    }
    try {
      Path path = Files.createDirectories(Path.of(dir));
      return Files.isWritable(path) ? path : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  int run(String[] args) {
    if (args.length > 0 && args[0].equals("verify")) {
      return new VerifyCommand(out, err).run(args);
    }
    if (args.length == 0 || !(args[0].equals("test") || args[0].equals("evaluate"))) {
      err.println("usage: parapet test [--rules DIR] [--lexicons DIR]");
      err.println("       parapet evaluate FILE.jsonl [--rules DIR] [--lexicons DIR]");
      err.println("       parapet verify EXPORT.jsonl --public-key KEY.pem [--public-key …]");
      return 2;
    }
    Path rules = Path.of(option(args, "--rules", "rules"));
    Path lexicons = Path.of(option(args, "--lexicons", "lexicons"));
    Policy policy;
    try {
      policy =
          cacheDir == null
              ? PolicyLoader.load(rules, lexicons)
              : PolicyLoader.load(
                  rules,
                  lexicons,
                  Clock.systemUTC(),
                  cacheDir.resolve("lexicons"),
                  cacheDir.resolve("rules"));
    } catch (InvalidPolicyException e) {
      e.problems().forEach(p -> err.println(p));
      err.println("policy did not load: " + e.problems().size() + " problem(s)");
      return 2;
    }
    return args[0].equals("test") ? test(policy, rules) : evaluate(policy, args);
  }

  private int test(Policy policy, Path rules) {
    PolicyTestRunner.Report report = PolicyTests.run(policy, rules, true);
    report.failures().forEach(f -> out.println(f));
    out.println(
        report.cases()
            + " policy test case(s), "
            + report.failures().size()
            + " failed, policy "
            + policy.version());
    return report.passed() ? 0 : 1;
  }

  private int evaluate(Policy policy, String[] args) {
    if (args.length < 2 || args[1].startsWith("--")) {
      err.println(
          "evaluate needs a JSONL file of {text, stage, profile, tenant, context, expected, expectedTypes}");
      return 2;
    }
    String jsonl;
    try {
      jsonl = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println(args[1] + ": cannot read: " + e.getMessage());
      return 2;
    }
    List<SourceProblem> problems = new ArrayList<>();
    List<LabelledCase> cases = Evaluation.parse(jsonl, problems);
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println(args[1] + ":" + p.line() + ": " + p.message()));
      return 2;
    }
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      CheckService service = PolicyTests.offline(policy, pool);
      Evaluation.Report report = Evaluation.run(service, cases);
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
      return report.falseNegatives().isEmpty() && report.falsePositives().isEmpty() ? 0 : 1;
    } catch (IOException e) {
      err.println("cannot write the report: " + e.getMessage());
      return 2;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
