package app.wauploader.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.core.SampleTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipArchiveSourceTest {
  private static final Path CHAT_EXPORTS = Paths.get("/work/shared/corpus/chat-exports");

  @TempDir Path dir;

  @Test
  void listsAZippedMediaFolderInPlace() throws Exception {
    Path media = SampleTree.copyTo(dir);
    Path archive = dir.resolve("Backup.zip");
    Map<String, byte[]> files = new HashMap<>();
    try (TestZips zip = TestZips.create(archive);
        Stream<Path> walk = Files.walk(media)) {
      zip.folder("Media/");
      for (Path p : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
        String name = "Media/" + media.relativize(p);
        byte[] data = Files.readAllBytes(p);
        files.put(name, data);
        if (files.size() % 2 == 0) {
          zip.stored(name, data);
        } else {
          zip.deflated(name, data);
        }
      }
      zip.deflated("__MACOSX/Media/._IMG.jpg", new byte[] {0});
    }
    List<String> before = listing(dir);
    ZipArchiveSource source = new ZipArchiveSource(archive);
    List<MediaEntry> found = list(source, ScanOptions.defaults());

    assertThat(found)
        .extracting(e -> e.key().substring(("zip:" + archive + "!/").length()))
        .containsExactlyInAnyOrderElementsOf(
            files.keySet().stream()
                .filter(n -> !n.contains("/.") && !n.contains("Stickers/"))
                .filter(n -> !n.contains("Profile Photos/"))
                .collect(Collectors.toList()));
    for (MediaEntry e : found) {
      String name = e.key().substring(e.key().indexOf("!/") + 2);
      assertThat(e.size()).isEqualTo(files.get(name).length);
      assertThat(e.mtimeMs()).isEqualTo(TestZips.TIME.toMillis());
      assertThat(e.name()).isEqualTo(Paths.get(name).getFileName().toString());
      assertThat(e.where()).isEqualTo(archive + "!/" + name);
      assertThat(readAll(source, e.key())).isEqualTo(files.get(name));
    }
    assertThat(found)
        .filteredOn(e -> e.name().startsWith("PTT-"))
        .extracting(MediaEntry::mediaFolder)
        .containsOnly("WhatsApp Voice Notes");
    assertThat(list(source, new ScanOptions(true, true, true)))
        .extracting(MediaEntry::mediaFolder)
        .contains("WhatsApp Statuses", "WhatsApp Stickers", "WhatsApp Profile Photos")
        .doesNotContain("__MACOSX");
    assertThat(listing(dir)).isEqualTo(before); // nothing extracted
  }

  @Test
  void listsRealChatExportsUnderTheArchiveName() throws Exception {
    Path alex = copyExport("whatsapp-export-parser/samples/WhatsApp Chat with Alex.zip");
    Path example =
        copyExport("whatsapp-chat-parser-website/src/assets/whatsapp-chat-parser-example.zip");
    for (Path archive : List.of(alex, example)) {
      Map<String, byte[]> expected = readWithZipInputStream(archive);
      try (ZipArchiveSource source = new ZipArchiveSource(archive)) {
        List<MediaEntry> found = list(source, ScanOptions.defaults());
        String folder = archive.getFileName().toString().replaceAll("\\.zip$", "");
        assertThat(found).isNotEmpty().extracting(MediaEntry::mediaFolder).containsOnly(folder);
        assertThat(found).hasSize(expected.size());
        for (MediaEntry e : found) {
          byte[] original = expected.get(e.key().substring(e.key().indexOf("!/") + 2));
          assertThat(sha256(readAll(source, e.key()))).isEqualTo(sha256(original));
          assertThat(e.size()).isEqualTo(original.length);
        }
      }
    }
  }

  @Test
  void reportsUnsafeEntryNamesAndNeverFollowsThem() throws Exception {
    Path archive = dir.resolve("evil.zip");
    List<String> unsafe =
        List.of(
            "../evil.jpg",
            "/etc/evil.jpg",
            "..\\evil.jpg",
            "WhatsApp Images/../../evil.jpg",
            "WhatsApp Images\\..\\..\\evil.jpg",
            "C:/evil.jpg",
            "\\evil.jpg",
            "nul\0.jpg");
    try (TestZips zip = TestZips.create(archive)) {
      for (String name : unsafe) {
        zip.deflated(name, new byte[] {6, 6, 6});
      }
      zip.stored("WhatsApp Images\\IMG-1.jpg", new byte[] {1});
      zip.deflated("./WhatsApp Video//VID-1.mp4", new byte[] {2});
      zip.deflated("WhatsApp Images/..hidden.jpg", new byte[] {3});
      zip.deflated("WhatsApp Images/.nomedia", new byte[0]);
    }
    ZipArchiveSource source = new ZipArchiveSource(archive);
    List<SourceProblem> problems = new ArrayList<>();
    List<MediaEntry> found = new ArrayList<>();
    source.list(ScanOptions.defaults(), found::add, problems::add);

    assertThat(problems)
        .containsExactlyElementsOf(
            unsafe.stream()
                .map(n -> new SourceProblem(archive + "!/" + n, "unsafe entry name"))
                .collect(Collectors.toList()));
    assertThat(found)
        .extracting(MediaEntry::name, MediaEntry::mediaFolder)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("IMG-1.jpg", "WhatsApp Images"),
            org.assertj.core.groups.Tuple.tuple("VID-1.mp4", "WhatsApp Video"));
    for (String name : unsafe) {
      String key = SourceKeys.zipEntry(archive.toString(), name);
      assertThat(source.stat(key)).isEmpty();
      assertThatThrownBy(() -> source.open(key)).isInstanceOf(NoSuchFileException.class);
    }
    assertThat(listing(dir)).containsExactly("evil.zip");
    assertThat(dir.getParent().resolve("evil.jpg")).doesNotExist();
  }

  @Test
  void reportsARepeatedEntryNameOnce() throws Exception {
    Path archive = dir.resolve("twice.zip");
    try (TestZips zip = TestZips.create(archive)) {
      zip.deflated("IMG-A.jpg", new byte[] {1}).deflated("IMG-B.jpg", new byte[] {2});
    }
    byte[] bytes = Files.readAllBytes(archive);
    String latin1 = new String(bytes, StandardCharsets.ISO_8859_1).replace("IMG-B", "IMG-A");
    Files.write(archive, latin1.getBytes(StandardCharsets.ISO_8859_1));
    List<SourceProblem> problems = new ArrayList<>();
    List<MediaEntry> found = new ArrayList<>();
    new ZipArchiveSource(archive).list(ScanOptions.defaults(), found::add, problems::add);
    assertThat(found).extracting(MediaEntry::name).containsExactly("IMG-A.jpg");
    assertThat(problems)
        .containsExactly(new SourceProblem(archive + "!/IMG-A.jpg", "duplicate entry name"));
  }

  @Test
  void checkNamesAMissingArchiveAndOnesThatAreNotZips() throws Exception {
    assertUnavailable(dir.resolve("gone.zip"), "archive not found: " + dir.resolve("gone.zip"));
    Path text = Files.write(dir.resolve("notes.zip"), "just text\n".getBytes());
    assertUnavailable(text, "not a ZIP archive (zip END header not found): " + text);
    Path folder = Files.createDirectories(dir.resolve("folder.zip"));
    assertUnavailable(folder, "not a ZIP archive (a folder): " + folder);

    Path whole = dir.resolve("whole.zip");
    try (TestZips zip = TestZips.create(whole)) {
      zip.deflated("IMG-1.jpg", TestZips.mixedBytes(100_000, 1));
    }
    byte[] bytes = Files.readAllBytes(whole);
    Path truncated = Files.write(dir.resolve("trunc\nated.zip"), Arrays.copyOf(bytes, 50_000));
    assertThatThrownBy(() -> new ZipArchiveSource(truncated).check())
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageStartingWith("not a ZIP archive (")
        .hasMessageEndingWith(dir + "/trunc\\nated.zip")
        .message()
        .doesNotContain("\n");
    assertThatThrownBy(
            () -> new ZipArchiveSource(truncated).list(ScanOptions.defaults(), e -> {}, p -> {}))
        .isInstanceOf(SourceUnavailableException.class);
  }

  @Test
  void checkNamesAnUnreadableArchive() throws Exception {
    Path archive = dir.resolve("locked.zip");
    try (TestZips zip = TestZips.create(archive)) {
      zip.deflated("IMG-1.jpg", new byte[] {1});
    }
    Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("---------"));
    Assumptions.assumeFalse(
        Files.isReadable(archive), "running as root: chmod 000 does not stop reads");
    assertUnavailable(archive, "archive cannot be read (permission denied): " + archive);
  }

  @Test
  void anEntryWithoutATimeTakesTheArchivesMtime() throws Exception {
    Path archive = dir.resolve("times.zip");
    ZipEntry undated = new ZipEntry("IMG-undated.jpg");
    undated.setLastModifiedTime(FileTime.fromMillis(0));
    ZipEntry dated = new ZipEntry("IMG-dated.jpg");
    dated.setLastModifiedTime(FileTime.fromMillis(1_600_000_000_000L));
    try (TestZips zip = TestZips.create(archive)) {
      zip.add(undated, new byte[] {1, 2, 3}).add(dated, new byte[] {4});
    }
    FileTime archiveTime = FileTime.fromMillis(1_650_000_000_000L);
    Files.setLastModifiedTime(archive, archiveTime);
    ZipArchiveSource source = new ZipArchiveSource(archive);
    assertThat(list(source, ScanOptions.defaults()))
        .extracting(MediaEntry::name, MediaEntry::size, MediaEntry::mtimeMs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("IMG-undated.jpg", 3L, archiveTime.toMillis()),
            org.assertj.core.groups.Tuple.tuple("IMG-dated.jpg", 1L, 1_600_000_000_000L));
    assertThat(source.stat(SourceKeys.zipEntry(archive.toString(), "IMG-undated.jpg")))
        .contains(new MediaStat(3, archiveTime.toMillis()));
  }

  @Test
  void readsFromAnyPositionOfStoredAndDeflatedEntries() throws Exception {
    byte[] data = TestZips.mixedBytes(1_500_000, 42);
    Path archive = dir.resolve("big.zip");
    try (TestZips zip = TestZips.create(archive)) {
      zip.stored("stored.mp4", data).deflated("deflated.mp4", data);
    }
    assertThat(Files.size(archive)).isLessThan(2L * data.length); // it did deflate
    try (ZipArchiveSource source = new ZipArchiveSource(archive)) {
      for (String name : List.of("stored.mp4", "deflated.mp4")) {
        String key = SourceKeys.zipEntry(archive.toString(), name);
        assertThat(sha256(readAll(source, key))).isEqualTo(sha256(data));
        try (MediaContent content = source.open(key)) {
          // forward jumps, a backward jump, a read continuing the last, the end
          for (int at : new int[] {777_777, 1_000_001, 5, 17, 1_499_999, 0, 1_200_000}) {
            assertThat(readFrom(content, at, 4096))
                .isEqualTo(Arrays.copyOfRange(data, at, Math.min(data.length, at + 4096)));
          }
          byte[] one = new byte[8];
          assertThat(content.read(data.length, one, 0, 8)).isEqualTo(-1);
          assertThat(content.read(data.length + 10L, one, 0, 8)).isEqualTo(-1);
          assertThat(content.read(3, one, 0, 0)).isZero();
          // from the middle to the end, in order, after a jump back
          assertThat(readFrom(content, 750_000, data.length))
              .isEqualTo(Arrays.copyOfRange(data, 750_000, data.length));
        }
      }
    }
  }

  @Test
  void aDamagedStoredEntryFailsAtItsEndInsteadOfGivingWrongBytes() throws Exception {
    Path archive = dir.resolve("damaged.zip");
    byte[] data = "MARKER-0123456789-payload".getBytes(StandardCharsets.US_ASCII);
    try (TestZips zip = TestZips.create(archive)) {
      zip.stored("IMG-1.jpg", data);
    }
    String latin1 =
        new String(Files.readAllBytes(archive), StandardCharsets.ISO_8859_1)
            .replace("0123456789", "0123456780");
    Files.write(archive, latin1.getBytes(StandardCharsets.ISO_8859_1));
    ZipArchiveSource source = new ZipArchiveSource(archive);
    assertThatThrownBy(() -> readAll(source, SourceKeys.zipEntry(archive.toString(), "IMG-1.jpg")))
        .isInstanceOf(ZipException.class)
        .hasMessageContaining("CRC-32 mismatch")
        .hasMessageContaining("damaged.zip!/IMG-1.jpg");
  }

  @Test
  void acceptsOnlyItsOwnKeysAndSeesTheArchiveChangeOnDisk() throws Exception {
    Path archive = dir.resolve("a.zip");
    try (TestZips zip = TestZips.create(archive)) {
      zip.deflated("IMG-1.jpg", new byte[] {1});
    }
    ZipArchiveSource source = new ZipArchiveSource(dir.resolve("x/../a.zip"));
    String key = SourceKeys.zipEntry(archive.toString(), "IMG-1.jpg");
    assertThat(source.archive()).isEqualTo(archive);
    assertThat(source.accepts(key)).isTrue();
    assertThat(source.accepts(SourceKeys.zipEntry(archive.toString(), ""))).isFalse();
    assertThat(source.accepts(SourceKeys.zipEntry(dir.resolve("b.zip").toString(), "IMG-1.jpg")))
        .isFalse();
    assertThat(source.accepts("fs:" + archive)).isFalse();
    assertThatThrownBy(() -> source.stat("fs:" + archive))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(source.stat(SourceKeys.zipEntry(archive.toString(), "nope.jpg"))).isEmpty();
    assertThat(readAll(source, key)).containsExactly(1);

    source.close();
    assertThat(readAll(source, key)).containsExactly(1); // opened again

    Path replacement = dir.resolve("new.zip");
    try (TestZips zip = TestZips.create(replacement)) {
      zip.deflated("IMG-1.jpg", new byte[] {7, 7});
    }
    Files.move(replacement, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(readAll(source, key)).containsExactly(7, 7);
    Files.delete(archive);
    assertThat(source.stat(key)).isEmpty();
    assertThatThrownBy(() -> source.open(key)).isInstanceOf(NoSuchFileException.class);
  }

  static byte[] readAll(MediaSource source, String key) throws IOException {
    try (MediaContent content = source.open(key)) {
      return readFrom(content, 0, Integer.MAX_VALUE);
    }
  }

  private static byte[] readFrom(MediaContent content, long position, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[10_000];
    int n;
    while (out.size() < max
        && (n = content.read(position, buffer, 0, Math.min(buffer.length, max - out.size()))) > 0) {
      out.write(buffer, 0, n);
      position += n;
    }
    return out.toByteArray();
  }

  private static List<MediaEntry> list(ZipArchiveSource source, ScanOptions options)
      throws Exception {
    List<MediaEntry> found = new ArrayList<>();
    List<SourceProblem> problems = new ArrayList<>();
    source.list(options, found::add, problems::add);
    assertThat(problems).isEmpty();
    return found;
  }

  private Path copyExport(String relative) throws IOException {
    Path original = CHAT_EXPORTS.resolve(relative);
    Assumptions.assumeTrue(Files.isRegularFile(original), "chat-export corpus not here");
    return Files.copy(original, dir.resolve(original.getFileName().toString()));
  }

  /** Entries a default listing offers, read by the JDK's other ZIP reader. */
  private static Map<String, byte[]> readWithZipInputStream(Path archive) throws IOException {
    Map<String, byte[]> result = new HashMap<>();
    try (InputStream raw = Files.newInputStream(archive);
        ZipInputStream in = new ZipInputStream(raw)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        String name = e.getName();
        String last = name.substring(name.lastIndexOf('/') + 1);
        if (!e.isDirectory() && !name.startsWith("__MACOSX/") && !last.startsWith(".")) {
          result.put(name, in.readAllBytes());
        }
      }
    }
    return result;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(p -> !p.equals(folder))
          .map(p -> folder.relativize(p).toString())
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static void assertUnavailable(Path archive, String message) {
    assertThatThrownBy(() -> new ZipArchiveSource(archive).check())
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessage(message);
  }
}
