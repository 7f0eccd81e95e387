package dev.parapet.policy.drools;

import dev.parapet.model.SourceProblem;
import dev.parapet.policy.Decide;
import dev.parapet.policy.PolicyException;
import dev.parapet.policy.RuleSource;
import dev.parapet.policy.TierRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles one tier's rule files into a rule base with the public KIE API, and reports every defect
 * as {@code file:line: message} relative to the rules directory.
 */
public final class TierCompiler {

  private static final String RESOURCES = "src/main/resources/";
  private static final AtomicLong BUILDS = new AtomicLong();

  private final Path rulesDir;
  private final LocalDate today;
  private final RuleBaseCache cache;

  public TierCompiler(Path rulesDir, LocalDate today) {
    this(rulesDir, today, null);
  }

  /**
   * @param cache compiled tiers from earlier runs, or null to compile every time
   */
  public TierCompiler(Path rulesDir, LocalDate today, RuleBaseCache cache) {
    this.rulesDir = rulesDir;
    this.today = today;
    this.cache = cache;
  }

  /** A compiled tier, or the problems that kept it from compiling. */
  public record Result(TierRules tier, List<SourceProblem> problems) {}

  public Result compile(String tier, List<Path> files) {
    KieServices ks = KieServices.Factory.get();
    KieFileSystem kfs = ks.newKieFileSystem();
    ReleaseId release =
        ks.newReleaseId("dev.parapet.rules", "tier-" + BUILDS.incrementAndGet(), "1.0.0");
    kfs.generateAndWritePomXML(release);
    Map<String, String> sources = new HashMap<>();
    List<SourceProblem> problems = new ArrayList<>();
    for (Path file : files) {
      String relative = relative(file);
      try {
        String drl = Files.readString(file, StandardCharsets.UTF_8);
        sources.put(relative, drl);
        problems.addAll(DrlDiagnostics.hashComments(relative, drl));
        kfs.write(RESOURCES + relative, drl);
      } catch (IOException e) {
        problems.add(new SourceProblem(relative, 0, "cannot read: " + e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    String key = cache == null ? null : cache.key(tier, sources);
    KieBase cached = key == null ? null : cache.read(key, TierCompiler.class.getClassLoader());
    if (cached != null) {
      return describe(tier, cached, sources, problems);
    }
    KieBuilder builder = ks.newKieBuilder(kfs, TierCompiler.class.getClassLoader()).buildAll();
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    for (Message message : errors) {
      String file = sourceOf(message);
      // the parser's follow-up to an error it has already reported, at line 0
      if (errors.size() > 1 && message.getText().contains("Parser returned a null Package")) {
        continue;
      }
      problems.add(
          DrlDiagnostics.refine(
              new SourceProblem(file, message.getLine(), message.getText()), sources.get(file)));
    }
    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    KieContainer container = ks.newKieContainer(release, TierCompiler.class.getClassLoader());
    KieBase base = container.getKieBase();
    ks.getRepository().removeKieModule(release);
    if (key != null) {
      cache.write(key, base);
    }
    return describe(tier, base, sources, problems);
  }

  private Result describe(
      String tier, KieBase base, Map<String, String> sources, List<SourceProblem> problems) {
    Map<String, Decide.FiringRule> byRule = new HashMap<>();
    Map<String, String> seenIds = new HashMap<>();
    List<PolicyException> exceptions = new ArrayList<>();
    List<RuleSource> ruleSources = new ArrayList<>();
    boolean declaresDecide = false;
    for (KiePackage pkg : base.getKiePackages()) {
      for (Global global : pkg.getGlobalVariables()) {
        if (global.getName().equals("decide")) {
          declaresDecide = true;
          if (!global.getType().equals(Decide.class.getName())) {
            problems.add(
                new SourceProblem(
                    tier, 0, "the global 'decide' must be of type " + Decide.class.getName()));
          }
        }
      }
      for (Rule rule : pkg.getRules()) {
        String id = RuleIds.of(tier, rule.getName());
        String file = fileOf(sources, rule.getName());
        int line = lineOf(sources.get(file), rule.getName());
        String clash = seenIds.put(id, file);
        if (clash != null) {
          problems.add(
              new SourceProblem(file, line, "rule id " + id + " is already used in " + clash));
        }
        Map<String, Object> meta = rule.getMetaData();
        boolean overridable = isTrue(meta.get("overridable"));
        if (overridable && tier.equals(TierRules.BASELINE)) {
          problems.add(
              new SourceProblem(
                  file, line, "rule " + id + ": baseline rules can never be overridable"));
        }
        String approvedBy = text(meta.get("approvedBy"));
        String reason = text(meta.get("reason"));
        // Drools reserves @expires for events, hence validUntil
        String expires = text(meta.get("validUntil"));
        boolean inForce = true;
        LocalDate lastDay = null;
        if (!expires.isEmpty()) {
          try {
            lastDay = LocalDate.parse(expires);
            inForce = !today.isAfter(lastDay);
          } catch (DateTimeParseException e) {
            problems.add(
                new SourceProblem(
                    file, line, "rule " + id + ": @validUntil must be a date like 2027-03-31"));
          }
        }
        if (!approvedBy.isEmpty() || !expires.isEmpty()) {
          exceptions.add(new PolicyException("rule", id, approvedBy, reason, expires, inForce));
        }
        ruleSources.add(new RuleSource(id, tier, file, line, overridable));
        byRule.put(
            pkg.getName() + "." + rule.getName(),
            new Decide.FiringRule(id, tier, overridable, approvedBy, lastDay));
      }
    }
    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    return new Result(
        new DroolsTier(
            tier,
            base,
            declaresDecide,
            byRule,
            exceptions,
            ruleSources.stream().sorted(Comparator.comparing(RuleSource::id)).toList()),
        problems);
  }

  private String relative(Path file) {
    return rulesDir.relativize(file).toString().replace('\\', '/');
  }

  private static String sourceOf(Message message) {
    String path = message.getPath();
    if (path == null) {
      return "?";
    }
    return path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
  }

  private static String fileOf(Map<String, String> sources, String ruleName) {
    for (Map.Entry<String, String> source : sources.entrySet()) {
      if (lineOf(source.getValue(), ruleName) > 0) {
        return source.getKey();
      }
    }
    return "?";
  }

  /** The line declaring a rule, 1-based, or 0 when not found. */
  private static int lineOf(String drl, String ruleName) {
    if (drl == null) {
      return 0;
    }
    String[] lines = drl.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.startsWith("rule")
          && (line.contains("\"" + ruleName + "\"")
              || line.matches("rule\\s+" + java.util.regex.Pattern.quote(ruleName) + "\\b.*"))) {
        return i + 1;
      }
    }
    return 0;
  }

  private static boolean isTrue(Object value) {
    return value instanceof Boolean b ? b : value != null && "true".equals(text(value));
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1);
    }
    return s;
  }
}
