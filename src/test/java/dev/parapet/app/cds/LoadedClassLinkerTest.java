package dev.parapet.app.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedClassLinkerTest {

  private static final List<String> LOG =
      List.of(
          "[0.012s][info][class,load] java.lang.Object source: shared objects file",
          "[0.020s][info][class,load] java.util.zip.CRC32 source: jrt:/java.base",
          "[0.310s][info][class,load] org.h2.mvstore.MVStore source: file:/app/lib/h2.jar",
          "[0.311s][info][class,load] org.h2.mvstore.Page source: shared objects file (top)",
          "[0.402s][info][class,load] java.lang.invoke.LambdaForm$MH/0x0000000800c1 source:"
              + " __JVM_LookupDefineClass__",
          "[0.500s][info][class,load] io.smallrye.Proxy$1 source: io.smallrye.OpenApiConfig",
          "[0.600s][info][class,load] com.example.Gone source: file:/app/lib/gone.jar",
          "[0.650s][info][class,load] org.h2.mvstore.MVStore source: file:/app/lib/h2.jar",
          "org.apache.lucene.util.fst.FST source: jar:file:/app/lib/lucene.jar!/",
          "[0.700s][info][class,load] a line cut short");

  @Test
  void onlyClassesLoadedFromJarsAreNamedWithOrWithoutDecorators() {
    assertThat(LoadedClassLinker.loadedFromJars(LOG))
        .containsExactly(
            "org.h2.mvstore.MVStore",
            "com.example.Gone",
            "org.h2.mvstore.MVStore",
            "org.apache.lucene.util.fst.FST");
  }

  @Test
  void linksWhatItCanLoadCountsWhatItCannotAndNamesEachClassOnce(@TempDir Path dir)
      throws Exception {
    Path log = dir.resolve("classes.log");
    Files.write(log, LOG);
    LoadedClassLinker.Outcome outcome =
        new LoadedClassLinker(getClass().getClassLoader()).linkAll(log);
    assertThat(outcome).isEqualTo(new LoadedClassLinker.Outcome(2, 1));
  }
}
