package dev.parapet.app;

import dev.parapet.model.PolicyFiles;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reloads the policy when a file under the rules or lexicons directory, or a shadow candidate's,
 * changes, once the changes have been quiet for the debounce interval (an editor's save, a
 * ConfigMap's symlink swap).
 */
@ApplicationScoped
public class PolicyWatcher {

  private static final Logger LOG = Logger.getLogger(PolicyWatcher.class);

  private final PolicyRuntime runtime;
  private final ParapetConfig config;
  private WatchService watcher;
  private Thread thread;

  public PolicyWatcher(PolicyRuntime runtime, ParapetConfig config) {
    this.runtime = runtime;
    this.config = config;
  }

  void start(@Observes StartupEvent event) throws IOException {
    if (config.reload().debounceMs() <= 0) {
      return;
    }
    watcher = FileSystems.getDefault().newWatchService();
    register(runtime.rulesDir());
    register(runtime.lexiconsDir());
    registerCandidates();
    thread = new Thread(this::watch, "parapet-policy-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) throws IOException {
    if (watcher != null) {
      watcher.close();
    }
  }

  /** Shadow candidates reload like the live policy: their directories are watched too. */
  private void registerCandidates() throws IOException {
    for (Path dir : runtime.candidateDirectories()) {
      register(dir);
    }
  }

  private void register(Path root) throws IOException {
    for (Path dir : PolicyFiles.directories(root)) {
      dir.register(
          watcher,
          StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
    }
  }

  private void watch() {
    long debounce = config.reload().debounceMs();
    try {
      while (true) {
        WatchKey key = watcher.take();
        drain(key);
        // wait until the directory has been quiet for the debounce interval
        WatchKey more;
        while ((more = watcher.poll(debounce, TimeUnit.MILLISECONDS)) != null) {
          drain(more);
        }
        LOG.info("policy files changed: reloading");
        register(runtime.rulesDir()); // new tier directories
        register(runtime.lexiconsDir());
        registerCandidates();
        runtime.reload();
        registerCandidates(); // a candidate named by the version just loaded
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ClosedWatchServiceException e) {
      LOG.debug("policy watcher stopped");
    } catch (IOException e) {
      LOG.errorf("policy watcher stopped: %s", e.getMessage());
    }
  }

  private static void drain(WatchKey key) {
    key.pollEvents();
    key.reset();
  }
}
