package app.wauploader.core.chat;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the shared chat-export corpus: the system property {@code wa.corpus} (the {@code corpus}
 * folder or its {@code chat-exports}) first, else the repository's copy {@code
 * testdata/corpus/chat-exports} (see its SOURCES.md) or a {@code shared/corpus} folder, in the
 * working directory or any folder above it. A missing corpus fails the test: the oracles are not
 * optional.
 */
final class Corpus {
  private Corpus() {}

  /** The {@code chat-exports} folder of the corpus. */
  static Path chatExports() {
    String property = System.getProperty("wa.corpus", "");
    if (!property.isEmpty()) {
      Path given = Paths.get(property).toAbsolutePath();
      for (Path candidate : new Path[] {given, given.resolve("chat-exports")}) {
        if (Files.isDirectory(candidate.resolve("chat-miner"))) {
          return candidate;
        }
      }
      fail("-Dwa.corpus=" + property + " holds no chat-exports/ folder");
    }
    Path start = Paths.get("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      for (Path candidate :
          new Path[] {
            dir.resolve("testdata").resolve("corpus").resolve("chat-exports"),
            dir.resolve("shared").resolve("corpus").resolve("chat-exports")
          }) {
        if (Files.isDirectory(candidate)) {
          return candidate;
        }
      }
    }
    return fail(
        "chat-export corpus not found: no shared/corpus/chat-exports in "
            + start
            + " or above; run with -Dwa.corpus=/path/to/shared/corpus");
  }

  /** A file of the corpus, by its path under {@code chat-exports/}; fails if it is not there. */
  static Path file(String relative) {
    Path file = chatExports().resolve(relative);
    if (!Files.isRegularFile(file)) {
      fail("corpus file missing: " + file);
    }
    return file;
  }
}
