package dev.parapet.app;

import dev.parapet.stream.StreamSessions;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The stream sessions of this instance, and the sweep that ends idle ones. */
@ApplicationScoped
public class Streams {

  private final StreamSessions sessions;

  public Streams(StreamConfig config) {
    this.sessions = new StreamSessions(config.idleTimeout(), config.maxPerKey(), System::nanoTime);
  }

  @Produces
  @Singleton
  StreamSessions sessions() {
    return sessions;
  }

  @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweep() {
    sessions.sweep();
  }
}
