package dev.parapet.bench;

import dev.parapet.check.CheckRequest;
import dev.parapet.check.CheckService;
import dev.parapet.check.PolicyTests;
import dev.parapet.detect.DetectorInput;
import dev.parapet.detect.DetectorSet;
import dev.parapet.detect.Detectors;
import dev.parapet.detect.lexicon.LexiconSet;
import dev.parapet.detect.secret.SecretDetector;
import dev.parapet.model.CheckContext;
import dev.parapet.model.Stage;
import dev.parapet.policy.PolicyLoader;
import dev.parapet.text.Normalizer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The same work on two builds in one JVM, in alternating slices: the second build's time per run
 * as a multiple of the first's, median over pairs. Each build's classes get a class loader of their
 * own, beside the same libraries; a pair's two slices are seconds apart, so the drift of a shared
 * VM, which moves JMH's separate forks by a third, mostly cancels out.
 *
 * <pre>
 * git worktree add /tmp/before &lt;commit&gt; &amp;&amp; (cd /tmp/before &amp;&amp; mvn -B -q compile)
 * mvn -B -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -Xmx3g -Dlogging.initial-configurator.min-level=INFO \
 *   -cp target/test-classes:$(cat cp.txt) dev.parapet.bench.BuildPair \
 *   /tmp/before/target/classes target/classes reload [seconds per slice=3] [pairs=10]
 * </pre>
 *
 * <p>Work: {@code reload} (the starter policy loaded from {@code rules} and {@code lexicons}),
 * {@code lexicons} or {@code lexicons:cached} (the lexicons alone, built, or opened from a prebuilt
 * index as at a restart), or
 * {@code pipeline:KIND:SIZE} (one check of a benchmark text through the whole pipeline, such as
 * {@code pipeline:adversarial:1000000}) or {@code detectors:KIND:SIZE} (every detector over one
 * normalized text) or {@code secret:KIND:SIZE} (the built-in secret detector alone), either followed by {@code @DIR} to take {@code rules} and
 * {@code lexicons} from DIR instead of the working directory; {@code WORK_A,WORK_B} gives each build
 * its own, so that one build can be timed on two policies ({@code reload@/tmp/before,reload}).
 * Both builds run this build's benchmark code, so the work must only call what both builds have.
 */
public final class BuildPair {

  private BuildPair() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      throw new IllegalArgumentException(
          "usage: BuildPair <classes of build A> <classes of build B> <work> [seconds] [pairs]");
    }
    double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 3;
    int pairs = args.length > 4 ? Integer.parseInt(args[4]) : 10;
    // "workA,workB" gives each build its own work, e.g. the same reload on two policy directories
    String[] works = args[2].split(",", 2);
    Build a = new Build(Path.of(args[0]), works[0]);
    Build b = new Build(Path.of(args[1]), works[works.length - 1]);
    PairedSlices.Result result =
        PairedSlices.run(
            "A", () -> a.msPerRun(seconds), "B", () -> b.msPerRun(seconds), 2, pairs, true);
    PairedSlices.print(
        "median over %d pairs: A %.3f ms, B %.3f ms, B/A %.3f (pairs from %.3f to %.3f)",
        pairs,
        result.firstMs(),
        result.secondMs(),
        result.ratio(),
        result.lowest(),
        result.highest());
    a.close();
    b.close();
  }

  /** One build's classes, its own loader, and the work made with them. */
  private static final class Build {
    private final URLClassLoader loader;
    private final Object work;
    private final Method run;

    Build(Path classes, String spec) throws Exception {
      List<URL> urls = new ArrayList<>();
      // this build's benchmark code first, then the build under test, then the libraries
      urls.add(BuildPair.class.getProtectionDomain().getCodeSource().getLocation());
      urls.add(classes.toUri().toURL());
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (entry.endsWith(".jar")) {
          urls.add(Path.of(entry).toUri().toURL());
        }
      }
      this.loader =
          new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
      Thread.currentThread().setContextClassLoader(loader); // Drools finds its services there
      // by name: this class's own loader does not see the build's classes Work calls
      Class<?> type = Class.forName(BuildPair.class.getName() + "$Work", true, loader);
      this.work = type.getConstructor(String.class).newInstance(spec);
      this.run = type.getMethod("run");
    }

    double msPerRun(double seconds) {
      Thread.currentThread().setContextClassLoader(loader);
      return PairedSlices.msPerRun(
          () -> {
            try {
              run.invoke(work);
            } catch (ReflectiveOperationException e) {
              throw new IllegalStateException(e);
            }
          },
          seconds);
    }

    void close() throws Exception {
      work.getClass().getMethod("close").invoke(work);
      loader.close();
    }
  }

  /** The timed work; loaded once per build, so it calls that build's classes. */
  public static final class Work {
    private final Runnable run;
    private ExecutorService longTexts;

    public Work(String spec) {
      int at = spec.indexOf('@');
      Path root = Path.of(at < 0 ? "" : spec.substring(at + 1));
      Path rules = root.resolve("rules");
      Path lexicons = root.resolve("lexicons");
      String[] parts = (at < 0 ? spec : spec.substring(0, at)).split(":");
      switch (parts[0]) {
        case "reload" -> run = () -> PolicyLoader.load(rules, lexicons);
        case "lexicons" -> {
          // the lexicons alone: built from the files, or (lexicons:cached) opened from the
          // prebuilt index a restart finds, made here once
          Path cache = null;
          if (parts.length > 1 && parts[1].equals("cached")) {
            try {
              cache = Files.createTempDirectory("buildpair-lexicon-index");
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            LexiconSet.load(lexicons, new Normalizer(), Clock.systemUTC(), cache);
          }
          Path index = cache;
          run = () -> LexiconSet.load(lexicons, new Normalizer(), Clock.systemUTC(), index);
        }
        case "pipeline" -> {
          longTexts = Executors.newSingleThreadExecutor();
          CheckService service =
              PolicyTests.offline(PolicyLoader.load(rules, lexicons), longTexts);
          CheckRequest request =
              new CheckRequest(
                  Texts.of(parts[1], Integer.parseInt(parts[2])),
                  Stage.INPUT,
                  "default",
                  "",
                  "bench",
                  Map.of(),
                  false);
          run = () -> service.evaluate(request);
        }
        case "detectors" -> {
          // every detector of the policy over one normalized text
          DetectorSet set = Detectors.build(rules, lexicons, Clock.systemUTC());
          String text = Texts.of(parts[1], Integer.parseInt(parts[2]));
          DetectorInput input =
              new DetectorInput(
                  new Normalizer().normalize(text),
                  new CheckContext(
                      Stage.INPUT, "default", "", Map.of(), text.codePointCount(0, text.length())));
          run = () -> set.detectors().forEach(d -> d.detect(input));
        }
        case "secret" -> {
          // the secret detector alone (built-in catalogue) over one normalized text
          SecretDetector secrets = new SecretDetector();
          String text = Texts.of(parts[1], Integer.parseInt(parts[2]));
          DetectorInput input =
              new DetectorInput(
                  new Normalizer().normalize(text),
                  new CheckContext(
                      Stage.INPUT, "default", "", Map.of(), text.codePointCount(0, text.length())));
          run = () -> secrets.detect(input);
        }
        default -> throw new IllegalArgumentException("no such work: " + spec);
      }
    }

    public void run() {
      run.run();
    }

    public void close() {
      if (longTexts != null) {
        longTexts.shutdownNow();
      }
    }
  }
}
