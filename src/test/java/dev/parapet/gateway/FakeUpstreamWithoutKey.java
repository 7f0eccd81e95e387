package dev.parapet.gateway;

import java.util.HashMap;
import java.util.Map;

/** The fake model API, with no upstream key configured at Parapet: callers' keys travel on. */
public class FakeUpstreamWithoutKey extends FakeUpstream {

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    config.remove("parapet.stream.upstream-api-key");
    return config;
  }
}
