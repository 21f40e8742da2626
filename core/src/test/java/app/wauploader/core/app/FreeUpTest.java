package app.wauploader.core.app;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.SampleTree;
import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.source.LocalFileSource;
import app.wauploader.core.target.EmulatorFixture;
import app.wauploader.core.upload.LockOwner;
import app.wauploader.core.upload.RunControl;
import app.wauploader.core.upload.RunListener;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.UploadOptions;
import app.wauploader.core.upload.Verdict;
import app.wauploader.db.FreedFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * free-up against the emulator through the real Google clients: only files Google confirms now, old
 * enough, unchanged and not in a transfer are deleted, twins included; each is journaled.
 */
class FreeUpTest {
  private static final Duration MONTH = Duration.ofDays(30);

  @TempDir Path dir;

  @Test
  void aDryRunTouchesNothingAndApplyFreesOnlyWhatGoogleConfirms() throws Exception {
    Path media = SampleTree.copyTo(dir);
    ageEverything(media, Duration.ofDays(40));
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      BackupEnvironment env = env(emulator.baseUri());
      RunSummary run =
          new Backups(env)
              .backup(
                  List.of(new LocalFileSource(List.of(media))),
                  UploadOptions.defaults(),
                  RunControl.create(),
                  RunListener.NONE);
      assertThat(run.verdict()).as(run.toString()).isEqualTo(Verdict.DONE);
      List<Path> eligible = SampleTree.eligibleFiles(media);

      List<FreeUp.Entry> dry = new FreeUp(env).run(options(false));
      assertThat(dry).extracting(FreeUp.Entry::decision).containsOnly(FreeUp.Decision.WOULD_FREE);
      assertThat(dry).extracting(FreeUp.Entry::path).containsExactlyInAnyOrderElementsOf(eligible);
      assertThat(eligible).allMatch(Files::exists);

      // One photo deleted in Google, one file too new, one file changed behind its old mtime.
      Path gone = media.resolve("WhatsApp Images/IMG-20231224-WA0001.jpg");
      emulator.inspector().deleteItem(entry(dry, gone).remoteId());
      Path recent = media.resolve("WhatsApp Documents/DOC-20231201-WA0009.pdf");
      Files.setLastModifiedTime(recent, FileTime.from(Instant.now()));
      Path changed = media.resolve("WhatsApp Video/VID-20240214-WA0008.mp4");
      FileTime old = Files.getLastModifiedTime(changed);
      byte[] bytes = Files.readAllBytes(changed);
      bytes[bytes.length - 1] ^= 0x55;
      Files.write(changed, bytes);
      Files.setLastModifiedTime(changed, old);

      List<FreeUp.Entry> applied = new FreeUp(env).run(options(true));
      Map<Path, FreeUp.Decision> decisions = new HashMap<>();
      applied.forEach(e -> decisions.put(e.path(), e.decision()));
      assertThat(decisions.get(gone)).isEqualTo(FreeUp.Decision.KEPT_GONE_FROM_GOOGLE);
      assertThat(decisions.get(recent)).isEqualTo(FreeUp.Decision.KEPT_TOO_NEW);
      assertThat(decisions.get(changed)).isEqualTo(FreeUp.Decision.KEPT_CHANGED);
      assertThat(gone).exists();
      assertThat(recent).exists();
      assertThat(changed).exists();
      long freed = applied.stream().filter(e -> e.decision() == FreeUp.Decision.FREED).count();
      assertThat(freed).isEqualTo(eligible.size() - 3);
      for (FreeUp.Entry e : applied) {
        if (e.decision() == FreeUp.Decision.FREED) {
          assertThat(e.path()).doesNotExist();
        }
      }
      // Twins: every name of a content is freed once the content is confirmed.
      Map<String, Long> namesPerContent = new HashMap<>();
      eligible.forEach(p -> namesPerContent.merge(sha(dry, p), 1L, Long::sum));
      assertThat(namesPerContent.values()).as("the sample tree has twins").contains(2L);

      List<FreedFile> log = new FreeUp(env).log(100);
      assertThat(log).hasSize((int) freed);
      assertThat(log).allMatch(f -> f.sha256().length() == 64 && !f.remoteId().isEmpty());

      // Again: nothing more to free, nothing failed.
      List<FreeUp.Entry> again = new FreeUp(env).run(options(true));
      assertThat(again).extracting(FreeUp.Entry::decision).doesNotContain(FreeUp.Decision.FREED);
      assertThat(again).noneMatch(e -> e.decision().failed());
    }
  }

  @Test
  void aDeletionThatFailsIsReportedAndTheOthersAreFreed() throws Exception {
    Path media = SampleTree.copyTo(dir);
    ageEverything(media, Duration.ofDays(40));
    Path stuck = media.resolve("WhatsApp Documents/Shopping list.txt");
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      BackupEnvironment env = env(emulator.baseUri());
      new Backups(env)
          .backup(
              List.of(new LocalFileSource(List.of(media))),
              UploadOptions.defaults(),
              RunControl.create(),
              RunListener.NONE);
      org.junit.jupiter.api.Assumptions.assumeTrue(
          Undeletable.make(stuck), "this file system cannot make a file undeletable here");
      try {
        List<FreeUp.Entry> applied = new FreeUp(env).run(options(true));
        FreeUp.Entry failed = entry(applied, stuck);
        assertThat(failed.decision()).isEqualTo(FreeUp.Decision.DELETE_FAILED);
        assertThat(failed.detail()).startsWith("cannot delete it");
        assertThat(stuck).exists();
        assertThat(applied).filteredOn(e -> e.decision() == FreeUp.Decision.FREED).isNotEmpty();
        assertThat(new FreeUp(env).log(100))
            .extracting(FreedFile::sourceKey)
            .doesNotContain("fs:" + stuck);
        // Google still holds every freed content.
        java.util.Set<String> ids = new java.util.HashSet<>();
        emulator.items().forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsString()));
        assertThat(applied)
            .filteredOn(e -> e.decision() == FreeUp.Decision.FREED)
            .allMatch(e -> ids.contains(e.remoteId()));
      } finally {
        Undeletable.undo(stuck);
      }
    }
  }

  /** Makes a file's deletion fail: a read-only folder, or (as root) the immutable attribute. */
  private static final class Undeletable {
    static boolean make(Path file) throws Exception {
      if (!"root".equals(System.getProperty("user.name"))) {
        return file.getParent().toFile().setWritable(false, false);
      }
      return run("chattr", "+i", file.toString());
    }

    static void undo(Path file) throws Exception {
      file.getParent().toFile().setWritable(true, true);
      if ("root".equals(System.getProperty("user.name"))) {
        run("chattr", "-i", file.toString());
      }
    }

    private static boolean run(String... command) throws Exception {
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
      } catch (java.io.IOException missing) {
        return false;
      }
    }
  }

  @Test
  void whenGoogleCannotBeAskedNothingIsDeleted() throws Exception {
    Path media = SampleTree.copyTo(dir);
    ageEverything(media, Duration.ofDays(40));
    try (EmulatorFixture emulator = new EmulatorFixture(dir.resolve("emulator"))) {
      new Backups(env(emulator.baseUri()))
          .backup(
              List.of(new LocalFileSource(List.of(media))),
              UploadOptions.defaults(),
              RunControl.create(),
              RunListener.NONE);
    }
    // The emulator is gone: Google is out of reach.
    List<FreeUp.Entry> entries =
        new FreeUp(env(URI.create("http://127.0.0.1:1"))).run(options(true));
    assertThat(entries).isNotEmpty();
    assertThat(entries).allMatch(e -> e.decision() == FreeUp.Decision.NOT_CONFIRMED);
    assertThat(SampleTree.eligibleFiles(media)).allMatch(Files::exists);
  }

  private BackupEnvironment env(URI endpoint) {
    return BackupEnvironment.google(
        dir.resolve("wa.db"),
        AccessTokens.NONE,
        GoogleEndpoints.at(endpoint),
        LockOwner.create("test", ProcessHandle.current().pid(), pid -> false));
  }

  private static FreeUp.Options options(boolean apply) {
    return new FreeUp.Options(MONTH, apply, List.of());
  }

  private static FreeUp.Entry entry(List<FreeUp.Entry> entries, Path path) {
    return entries.stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow();
  }

  private static String sha(List<FreeUp.Entry> entries, Path path) {
    return entry(entries, path).sha256();
  }

  private static void ageEverything(Path media, Duration age) throws Exception {
    FileTime then = FileTime.from(Instant.now().minus(age));
    try (Stream<Path> files = Files.walk(media)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(p, then);
      }
    }
  }
}
