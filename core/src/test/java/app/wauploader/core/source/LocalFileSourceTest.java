package app.wauploader.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.core.SampleTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSourceTest {
  @TempDir Path dir;

  @Test
  void listsEveryEligibleFileOnceWithKeySizeAndMtime() throws Exception {
    Path media = SampleTree.copyTo(dir);
    List<MediaEntry> found = list(ScanOptions.defaults(), media);
    List<Path> expected = eligible(media);
    assertThat(found).extracting(MediaEntry::key).doesNotHaveDuplicates();
    assertThat(found)
        .extracting(MediaEntry::key)
        .containsExactlyInAnyOrderElementsOf(
            expected.stream().map(p -> "fs:" + p).collect(Collectors.toList()));
    for (MediaEntry entry : found) {
      Path file = Paths.get(entry.where());
      assertThat(entry.name()).isEqualTo(file.getFileName().toString());
      assertThat(entry.size()).isEqualTo(Files.size(file));
      assertThat(entry.mtimeMs()).isEqualTo(Files.getLastModifiedTime(file).toMillis());
    }
  }

  @Test
  void skipsHiddenStatusesStickersAndProfilePhotosByDefault() throws Exception {
    Path media = SampleTree.copyTo(dir);
    assertThat(relative(media, list(ScanOptions.defaults(), media)))
        .isNotEmpty()
        .noneMatch(p -> p.contains(".nomedia"))
        .noneMatch(p -> p.startsWith(".Statuses"))
        .noneMatch(p -> p.startsWith("WhatsApp Stickers"))
        .noneMatch(p -> p.startsWith("WhatsApp Profile Photos"))
        .contains(
            "WhatsApp Images/Sent/IMG-20231105-WA0013.jpg",
            "WhatsApp Voice Notes/202345/PTT-20231105-WA0004.opus");
  }

  @Test
  void flagsBringBackStatusesStickersAndProfilePhotosButNeverHiddenFiles() throws Exception {
    Path media = SampleTree.copyTo(dir);
    List<MediaEntry> found = list(new ScanOptions(true, true, true), media);
    assertThat(found)
        .extracting(MediaEntry::mediaFolder)
        .contains("WhatsApp Statuses", "WhatsApp Stickers", "WhatsApp Profile Photos");
    assertThat(found).extracting(MediaEntry::name).doesNotContain(".nomedia");
  }

  @Test
  void namesTheMediaFolderOfEveryFile() throws Exception {
    Path media = SampleTree.copyTo(dir);
    assertThat(list(ScanOptions.defaults(), media))
        .filteredOn(e -> e.name().startsWith("PTT-"))
        .extracting(MediaEntry::mediaFolder)
        .containsOnly("WhatsApp Voice Notes");
    assertThat(list(ScanOptions.defaults(), media.resolve("WhatsApp Video")))
        .extracting(MediaEntry::mediaFolder)
        .containsOnly("WhatsApp Video");
    Path pictures = Files.createDirectories(dir.resolve("Pictures/2024"));
    Files.write(pictures.resolve("a.jpg"), new byte[] {1});
    assertThat(list(ScanOptions.defaults(), dir.resolve("Pictures")))
        .extracting(MediaEntry::mediaFolder)
        .containsExactly("Pictures");
  }

  @Test
  void dropsRepeatedAndNestedRootsSoEachFileIsOfferedOnce() throws Exception {
    Path media = SampleTree.copyTo(dir);
    Path images = media.resolve("WhatsApp Images");
    List<Path> roots =
        List.of(images, media.resolve("x/../"), media, dir.resolve("other"), images.resolve(".."));
    assertThat(LocalFileSource.distinctRoots(roots))
        .containsExactly(media.toAbsolutePath(), dir.resolve("other").toAbsolutePath());
    List<MediaEntry> found = list(ScanOptions.defaults(), images, media, media, images);
    assertThat(found).extracting(MediaEntry::key).doesNotHaveDuplicates();
    assertThat(found).hasSameSizeAs(eligible(media));
  }

  @Test
  void followsARootThatIsALinkButNoLinkInsideTheTree() throws Exception {
    Path media = SampleTree.copyTo(dir);
    int expected = eligible(media).size();
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.write(outside.resolve("IMG-outside.jpg"), new byte[] {1, 2});
    Path images = media.resolve("WhatsApp Images");
    symlink(images.resolve("linked folder"), outside);
    symlink(images.resolve("linked.jpg"), outside.resolve("IMG-outside.jpg"));
    Path link = symlink(dir.resolve("media-link"), media);

    List<MediaEntry> found = list(ScanOptions.defaults(), link);
    assertThat(found).hasSize(expected);
    assertThat(found).allMatch(e -> e.key().startsWith("fs:" + link + "/"));
    assertThat(found).extracting(MediaEntry::name).doesNotContain("IMG-outside.jpg", "linked.jpg");
    MediaEntry some = found.get(0);
    assertThat(new LocalFileSource(List.of()).stat(some.key())).isPresent();

    // The link and its target as two roots: one folder, each file once.
    assertThat(list(ScanOptions.defaults(), link, media)).hasSameSizeAs(found);
    assertThat(list(ScanOptions.defaults(), images, link)).hasSameSizeAs(found);
  }

  @Test
  void checkNamesAMissingRootAFileRootAndABrokenLinkOnOneLine() throws Exception {
    Path missing = dir.resolve("no\nsuch");
    assertUnavailable(missing, "source folder not found: " + dir + "/no\\nsuch");
    Path file = Files.write(dir.resolve("file.jpg"), new byte[] {1});
    assertUnavailable(file, "source is not a folder: " + file);
    Path broken = symlink(dir.resolve("broken"), dir.resolve("gone"));
    assertUnavailable(broken, "source folder not found (broken symbolic link): " + broken);
    Path present = Files.createDirectories(dir.resolve("present"));
    LocalFileSource source = new LocalFileSource(List.of(present, missing));
    assertThatThrownBy(() -> source.list(ScanOptions.defaults(), e -> {}, p -> {}))
        .isInstanceOf(SourceUnavailableException.class);
  }

  @Test
  void checkNamesAnUnreadableRoot() throws Exception {
    assertThat(LocalFileSource.unavailable(dir, new AccessDeniedException(dir.toString())))
        .hasMessage("source folder cannot be read (permission denied): " + dir);

    Path locked = Files.createDirectories(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      Assumptions.assumeFalse(readable(locked), "running as root: chmod 000 does not stop reads");
      assertUnavailable(locked, "source folder cannot be read (permission denied): " + locked);
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void anUnreadableSubFolderIsAProblemAndTheListingGoesOn() throws Exception {
    Path media = SampleTree.copyTo(dir);
    Path audio = media.resolve("WhatsApp Audio");
    int expected = eligible(media).size() - 1; // its one file
    Files.setPosixFilePermissions(audio, PosixFilePermissions.fromString("---------"));
    try {
      Assumptions.assumeFalse(readable(audio), "running as root: chmod 000 does not stop reads");
      List<SourceProblem> problems = new ArrayList<>();
      List<MediaEntry> found = list(ScanOptions.defaults(), problems, media);
      assertThat(problems)
          .containsExactly(new SourceProblem(audio.toString(), "permission denied"));
      assertThat(found).hasSize(expected);
    } finally {
      Files.setPosixFilePermissions(audio, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /** Works as root too: a folder whose absolute path exceeds PATH_MAX cannot be opened. */
  @Test
  void aSubFolderThatCannotBeOpenedIsAProblemAndTheListingGoesOn() throws Exception {
    Path media = SampleTree.copyTo(dir);
    int expected = eligible(media).size();
    String deep =
        "cd \"$1\" && n=$(printf 'd%.0s' $(seq 250)) && for i in $(seq 18); do"
            + " mkdir $n && cd -P $n || exit 1; done; touch deep.jpg";
    Path base = media.resolve("WhatsApp Documents");
    int rc = new ProcessBuilder("sh", "-c", deep, "sh", base.toString()).start().waitFor();
    try {
      Assumptions.assumeTrue(rc == 0, "cannot build a tree deeper than PATH_MAX here");
      List<SourceProblem> problems = new ArrayList<>();
      List<MediaEntry> found = list(ScanOptions.defaults(), problems, media);
      assertThat(problems).hasSize(1);
      assertThat(problems.get(0).where()).startsWith(base + "/ddd");
      assertThat(problems.get(0).reason()).isEqualTo("File name too long");
      assertThat(found).hasSize(expected);
    } finally {
      new ProcessBuilder("rm", "-rf", base.toString()).start().waitFor();
    }
  }

  @Test
  void listsStatsAndReadsNamesWithInvalidUtf8() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("Media/WhatsApp Images"));
    Path unlisted = Files.createDirectories(dir.resolve("unlisted"));
    boolean utf8 = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
    if (utf8) { // else Java cannot name it
      Files.write(folder.resolve("bad\uFFFDname.jpg"), "plain".getBytes(StandardCharsets.UTF_8));
    }
    String make =
        "printf 'first' > \"$1/$(printf 'bad\\377name.jpg')\""
            + " && printf 'second!' > \"$1/$(printf 'bad\\376name.jpg')\""
            + " && printf 'third' > \"$2/$(printf 'bad\\375name.jpg')\"";
    int rc =
        new ProcessBuilder("sh", "-c", make, "sh", folder.toString(), unlisted.toString())
            .start()
            .waitFor();
    Assumptions.assumeTrue(
        rc == 0 && count(folder) == (utf8 ? 3 : 2), "file system refuses invalid UTF-8");

    LocalFileSource source = new LocalFileSource(List.of(dir.resolve("Media")));
    Map<String, String> contents = new HashMap<>();
    for (MediaEntry entry : list(ScanOptions.defaults(), dir.resolve("Media"))) {
      assertThat(entry.mediaFolder()).isEqualTo("WhatsApp Images");
      assertThat(source.stat(entry.key()).orElseThrow().size()).isEqualTo(entry.size());
      contents.put(entry.key(), readAll(source, entry.key()));
    }
    // Two names that decode to the same string keep apart; the plain name keeps its plain key.
    String escaped = "fs://" + folder.toUri().getRawPath();
    assertThat(contents)
        .containsEntry(escaped + "bad%FFname.jpg", "first")
        .containsEntry(escaped + "bad%FEname.jpg", "second!")
        .hasSize(utf8 ? 3 : 2);
    if (utf8) {
      assertThat(contents).containsEntry("fs:" + folder.resolve("bad\uFFFDname.jpg"), "plain");
    }
    assertThat(escaped).startsWith("fs:///").contains("WhatsApp%20Images/");

    // A key from another process (no Path of this walk in memory) is found from its text alone.
    String other = "fs://" + unlisted.toUri().getRawPath() + "bad%FDname.jpg";
    LocalFileSource fresh = new LocalFileSource(List.of());
    assertThat(fresh.stat(other).orElseThrow().size()).isEqualTo(5);
    assertThat(readAll(fresh, other)).isEqualTo("third");
  }

  @Test
  void listsAndReadsNamesWithControlCharacters() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("Media/WhatsApp Images"));
    Files.write(folder.resolve("new\nline.jpg"), new byte[] {10});
    Files.write(folder.resolve("tab\tname.jpg"), new byte[] {9, 9});
    LocalFileSource source = new LocalFileSource(List.of(dir.resolve("Media")));
    List<MediaEntry> found = list(ScanOptions.defaults(), dir.resolve("Media"));
    assertThat(found)
        .extracting(MediaEntry::name)
        .containsExactlyInAnyOrder("new\nline.jpg", "tab\tname.jpg");
    for (MediaEntry entry : found) {
      assertThat(entry.key()).isEqualTo("fs:" + folder.resolve(entry.name()));
      assertThat(readAll(source, entry.key())).hasSize((int) entry.size());
    }
  }

  @Test
  void statsAndOpensAnyLocalKeyAndOnlyThose() throws Exception {
    Path elsewhere = Files.write(dir.resolve("elsewhere.jpg"), "0123456789".getBytes());
    Files.createDirectories(dir.resolve("root"));
    LocalFileSource source = new LocalFileSource(List.of(dir.resolve("root")));
    String key = SourceKeys.file(elsewhere.toString());
    assertThat(source.accepts(key)).isTrue();
    assertThat(source.accepts("zip:/a.zip!/b.jpg")).isFalse();
    assertThat(source.stat(key))
        .contains(new MediaStat(10, Files.getLastModifiedTime(elsewhere).toMillis()));
    assertThat(source.stat("fs:" + dir.resolve("gone.jpg"))).isEmpty();
    assertThat(source.stat("fs:" + dir)).isEmpty();
    assertThatThrownBy(() -> source.open("fs:" + dir.resolve("gone.jpg")))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> source.stat("zip:/a.zip!/b.jpg"))
        .isInstanceOf(IllegalArgumentException.class);

    try (MediaContent content = source.open(key)) {
      byte[] buffer = new byte[4];
      assertThat(content.read(6, buffer, 0, 4)).isEqualTo(4);
      assertThat(new String(buffer, StandardCharsets.US_ASCII)).isEqualTo("6789");
      assertThat(content.read(2, buffer, 1, 2)).isEqualTo(2);
      assertThat(new String(buffer, StandardCharsets.US_ASCII)).isEqualTo("6239");
      assertThat(content.read(9, buffer, 0, 4)).isEqualTo(1);
      assertThat(content.read(10, buffer, 0, 4)).isEqualTo(-1);
      assertThat(content.read(99, buffer, 0, 4)).isEqualTo(-1);
      assertThat(content.read(0, buffer, 0, 0)).isZero();
    }
  }

  @Test
  void findsTheStandardLocationsUnderTermuxStorage() throws Exception {
    Path home = dir.resolve("home");
    Path scoped = home.resolve("storage/shared/Android/media/com.whatsapp/WhatsApp/Media");
    Files.createDirectories(scoped);
    assertThat(WhatsAppLocations.existing(home)).contains(scoped);
  }

  static String readAll(MediaSource source, String key) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (MediaContent content = source.open(key)) {
      byte[] buffer = new byte[3];
      long position = 0;
      int n;
      while ((n = content.read(position, buffer, 0, buffer.length)) > 0) {
        out.write(buffer, 0, n);
        position += n;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<MediaEntry> list(ScanOptions options, Path... roots) throws Exception {
    List<SourceProblem> problems = new ArrayList<>();
    List<MediaEntry> found = list(options, problems, roots);
    assertThat(problems).isEmpty();
    return found;
  }

  private static List<MediaEntry> list(
      ScanOptions options, List<SourceProblem> problems, Path... roots) throws Exception {
    List<MediaEntry> found = new ArrayList<>();
    new LocalFileSource(List.of(roots)).list(options, found::add, problems::add);
    return found;
  }

  /** The files a default listing offers: not hidden, not in skipped folders (empty ones too). */
  private static List<Path> eligible(Path media) {
    return app.wauploader.core.SampleTree.listedFiles(media);
  }

  private static List<String> relative(Path media, List<MediaEntry> found) {
    return found.stream()
        .map(e -> media.relativize(Paths.get(e.where())).toString())
        .collect(Collectors.toList());
  }

  private static void assertUnavailable(Path root, String message) {
    assertThatThrownBy(() -> new LocalFileSource(List.of(root)).check())
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessage(message);
  }

  private static Path symlink(Path link, Path target) throws IOException {
    try {
      return Files.createSymbolicLink(link, target);
    } catch (UnsupportedOperationException | IOException e) {
      Assumptions.abort("no symbolic links here: " + e);
      throw e;
    }
  }

  private static boolean readable(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      entries.count();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static long count(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.count();
    }
  }
}
