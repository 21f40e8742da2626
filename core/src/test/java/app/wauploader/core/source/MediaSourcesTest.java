package app.wauploader.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaSourcesTest {
  @TempDir Path dir;

  @Test
  void findsTheSourceOfLocalKeys() throws Exception {
    Path file = Files.write(dir.resolve("IMG-1.jpg"), new byte[] {1, 2, 3});
    String key = SourceKeys.file(file.toString());
    MediaSource source = MediaSources.forKey(key).orElseThrow();
    assertThat(source.stat(key)).contains(new MediaStat(3, mtime(file)));
    assertThat(ZipArchiveSourceTest.readAll(source, key)).containsExactly(1, 2, 3);
    assertThat(MediaSources.forKey(SourceKeys.file(dir + "/other.jpg"))).containsSame(source);
  }

  @Test
  void findsOneSourcePerArchiveEvenWhenItsPathHoldsTheSeparator() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("wow!/x"));
    Path archive = folder.resolve("Trip!.zip");
    try (TestZips zip = TestZips.create(archive)) {
      zip.deflated("IMG-1.jpg", new byte[] {1}).stored("a!/IMG-2.jpg", new byte[] {2, 2});
    }
    String first = SourceKeys.zipEntry(archive.toString(), "IMG-1.jpg");
    String second = SourceKeys.zipEntry(archive.toString(), "a!/IMG-2.jpg");
    MediaSource source = MediaSources.forKey(first).orElseThrow();
    assertThat(MediaSources.forKey(second)).containsSame(source);
    assertThat(source.stat(second)).contains(new MediaStat(2, TestZips.TIME.toMillis()));
    assertThat(ZipArchiveSourceTest.readAll(source, first)).containsExactly(1);

    MediaSources.closeArchives();
    assertThat(ZipArchiveSourceTest.readAll(source, second)).containsExactly(2, 2);
    MediaSources.closeArchives();
  }

  @Test
  void hasNoSourceForOtherSchemesOrMalformedKeys() {
    assertThat(MediaSources.forKey("saf:content://com.android.externalstorage/x")).isEmpty();
    assertThat(MediaSources.forKey("zip:" + dir + "/a.zip")).isEmpty();
    assertThat(MediaSources.forKey("zip:relative.zip!/IMG-1.jpg")).isEmpty();
    assertThat(MediaSources.forKey("/no/scheme.jpg")).isEmpty();
  }

  @Test
  void aMissingArchiveStillHasASourceThatSaysTheFileIsGone() throws Exception {
    String key = SourceKeys.zipEntry(dir.resolve("gone.zip").toString(), "IMG-1.jpg");
    MediaSource source = MediaSources.forKey(key).orElseThrow();
    assertThat(source.stat(key)).isEmpty();
    assertThatThrownBy(() -> source.open(key)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aCompositeListsEachSourceInTurnAndRoutesByKey() throws Exception {
    Path media = Files.createDirectories(dir.resolve("Media/WhatsApp Images"));
    Path local = Files.write(media.resolve("IMG-1.jpg"), new byte[] {1});
    Path archive = dir.resolve("Export.zip");
    try (TestZips zip = TestZips.create(archive)) {
      zip.deflated("IMG-1.jpg", new byte[] {1}).deflated("IMG-2.jpg", new byte[] {2});
    }
    try (ZipArchiveSource zipSource = new ZipArchiveSource(archive)) {
      MediaSource all =
          MediaSources.of(List.of(new LocalFileSource(List.of(dir.resolve("Media"))), zipSource));
      all.check();
      List<MediaEntry> found = new ArrayList<>();
      all.list(ScanOptions.defaults(), found::add, p -> {});
      assertThat(found)
          .extracting(MediaEntry::key)
          .containsExactly(
              SourceKeys.file(local.toString()),
              SourceKeys.zipEntry(archive.toString(), "IMG-1.jpg"),
              SourceKeys.zipEntry(archive.toString(), "IMG-2.jpg"));
      for (MediaEntry e : found) {
        assertThat(all.accepts(e.key())).isTrue();
        assertThat(all.stat(e.key())).contains(new MediaStat(e.size(), e.mtimeMs()));
        assertThat(ZipArchiveSourceTest.readAll(all, e.key())).hasSize(1);
      }
      String foreign = SourceKeys.zipEntry(dir.resolve("other.zip").toString(), "x.jpg");
      assertThat(all.accepts(foreign)).isFalse();
      assertThatThrownBy(() -> all.stat(foreign))
          .isInstanceOf(java.nio.file.NoSuchFileException.class);
      assertThatThrownBy(() -> all.open(foreign))
          .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
  }

  @Test
  void aCompositeListsTheOthersWhenOneIsUnavailableThenSaysSo() throws Exception {
    Path media = Files.createDirectories(dir.resolve("Media"));
    Files.write(media.resolve("IMG-1.jpg"), new byte[] {1});
    MediaSource all =
        MediaSources.of(
            List.of(
                new ZipArchiveSource(dir.resolve("gone.zip")),
                new LocalFileSource(List.of(media)),
                new LocalFileSource(List.of(dir.resolve("gone")))));
    assertThatThrownBy(all::check)
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("gone.zip");
    List<MediaEntry> found = new ArrayList<>();
    assertThatThrownBy(() -> all.list(ScanOptions.defaults(), found::add, p -> {}))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessage("archive not found: " + dir.resolve("gone.zip"))
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .extracting(Throwable::getMessage)
                    .containsExactly("source folder not found: " + dir.resolve("gone")));
    assertThat(found).extracting(MediaEntry::name).containsExactly("IMG-1.jpg");
  }

  private static long mtime(Path file) throws Exception {
    return Files.getLastModifiedTime(file).toMillis();
  }
}
