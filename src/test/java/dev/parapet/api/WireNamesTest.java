package dev.parapet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.parapet.audit.AuditRecord;
import dev.parapet.check.RuleHit;
import dev.parapet.detect.LexiconSearch;
import dev.parapet.model.Severity;
import dev.parapet.model.Verdict;
import dev.parapet.policy.PolicyHolder;
import dev.parapet.policy.Resolution;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every enum an HTTP answer can hold is written as its lower-case wire name, wherever it sits: the
 * top-level decision and the verdict inside {@code ?explain=true} alike. The walk starts from every
 * resource method's return type, so a new endpoint is covered without being listed here.
 */
class WireNamesTest {

  /** Bodies a resource builds inside a {@code Response} or a stream, where the type is not seen. */
  private static final List<Type> INSIDE_RESPONSES =
      List.of(
          Problem.class,
          PolicyHolder.ReloadOutcome.class,
          AuditRecord.class,
          LexiconSearch.TermHit.class);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Class<?>> enums = new LinkedHashSet<>();

  @BeforeAll
  static void walk() throws ClassNotFoundException {
    List<Type> roots = new ArrayList<>(INSIDE_RESPONSES);
    for (JavaClass c :
        new ClassFileImporter()
            .importPath(java.nio.file.Path.of("target", "classes", "dev", "parapet", "api"))) {
      if (c.isAnnotatedWith(Path.class)) {
        for (Method m : Class.forName(c.getName()).getMethods()) {
          if (m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class)) {
            roots.add(m.getGenericReturnType());
          }
        }
      }
    }
    Set<Type> seen = new LinkedHashSet<>();
    roots.forEach(t -> visit(t, seen));
  }

  private static void visit(Type type, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof ParameterizedType p) {
      visit(p.getRawType(), seen);
      for (Type arg : p.getActualTypeArguments()) {
        visit(arg, seen);
      }
    } else if (type instanceof WildcardType w) {
      for (Type bound : w.getUpperBounds()) {
        visit(bound, seen);
      }
    } else if (type instanceof GenericArrayType a) {
      visit(a.getGenericComponentType(), seen);
    } else if (type instanceof Class<?> c) {
      if (c.isEnum()) {
        enums.add(c);
      } else if (c.isArray()) {
        visit(c.getComponentType(), seen);
      } else if (c.isRecord()) {
        for (RecordComponent rc : c.getRecordComponents()) {
          visit(rc.getGenericType(), seen);
        }
      }
    }
  }

  @Test
  void theWalkReachesTheEnumsInsideExplanations() {
    assertThat(enums)
        .contains(Verdict.class, Severity.class, RuleHit.Effect.class, Resolution.Outcome.class);
  }

  @Test
  void everyEnumIsWrittenInLowerCase() throws Exception {
    List<String> upper = new ArrayList<>();
    for (Class<?> type : enums) {
      for (Object constant : type.getEnumConstants()) {
        String written = JSON.writeValueAsString(constant);
        if (!written.matches("\"[a-z0-9][a-z0-9_-]*\"")) {
          upper.add(type.getName() + "." + constant + " is written " + written);
        }
      }
    }
    assertThat(upper).isEmpty();
  }
}
