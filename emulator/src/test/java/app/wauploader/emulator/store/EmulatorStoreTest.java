package app.wauploader.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorStoreTest {
  @TempDir Path dir;

  private static StoredAlbum album(String id, String title) {
    return new StoredAlbum(id, title, List.of(), Instant.parse("2024-01-01T00:00:00Z"), null);
  }

  /** Copies the data dir as a crash would leave it: no final snapshot, journal as written. */
  private Path crashCopy(Path from) throws IOException {
    Path to = dir.resolve("crashed");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!file.getFileName().toString().equals(".lock")) {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }

  @Test
  void changesSurviveACrashThroughTheJournalAndATornLineIsDropped() throws IOException {
    Path data = dir.resolve("data");
    try (EmulatorStore store = EmulatorStore.open(data)) {
      store.write(state -> state.albums().put("a1", album("a1", "first")));
      store.write(state -> state.albums().put("a2", album("a2", "second")));
      store.write(state -> state.albums().remove("a1"));
      store.write(state -> state.albums().put("a2", album("a2", "renamed")));

      Path crashed = crashCopy(data);
      Files.writeString(
          crashed.resolve("journal.jsonl"),
          "{\"changes\":[{\"t\":\"albums\",\"k\":\"a3\",\"v\":{\"id\":\"a3\"",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);

      try (EmulatorStore reopened = EmulatorStore.open(crashed)) {
        List<StoredAlbum> albums = reopened.read(state -> List.copyOf(state.albums().values()));
        assertThat(albums).containsExactly(album("a2", "renamed"));
        String rootId = reopened.read(EmulatorState::driveRootId);
        assertThat(rootId).isEqualTo(store.read(EmulatorState::driveRootId));
      }
    }
  }

  @Test
  void closeFoldsTheJournalIntoTheSnapshot() throws IOException {
    Path data = dir.resolve("data");
    try (EmulatorStore store = EmulatorStore.open(data)) {
      store.write(state -> state.albums().put("a1", album("a1", "kept")));
      assertThat(Files.size(data.resolve("journal.jsonl"))).isPositive();
    }
    assertThat(Files.size(data.resolve("journal.jsonl"))).isZero();
    assertThat(Files.readString(data.resolve("state.json"))).contains("\"kept\"");
    try (EmulatorStore store = EmulatorStore.open(data)) {
      String title = store.read(state -> state.albums().get("a1").title());
      assertThat(title).isEqualTo("kept");
    }
  }

  @Test
  void unfinishedUploadsAreCutTo256KiBUnitsOnOpen() throws IOException {
    Path data = dir.resolve("data");
    try (EmulatorStore store = EmulatorStore.open(data)) {
      store.write(
          state ->
              state
                  .driveSessions()
                  .put(
                      "up1",
                      new DriveUploadSession(
                          "up1",
                          new DriveFileDraft("f", "x/y", List.of(), null, null, null, null, null),
                          "x/y",
                          null,
                          Instant.now(),
                          null,
                          null)));
      Files.write(store.blobs().path("up1"), new byte[300_000]);
    }
    try (EmulatorStore store = EmulatorStore.open(data)) {
      assertThat(store.blobs().length("up1")).isEqualTo(262_144);
    }
  }
}
