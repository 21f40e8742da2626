package app.wauploader.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.core.SampleTree;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaScannerTest {
  @TempDir Path dir;

  @Test
  void skipsHiddenStatusesStickersAndProfilePhotosByDefault() throws Exception {
    Path media = SampleTree.copyTo(dir);
    List<MediaFile> found = scan(media, ScanOptions.defaults());
    assertThat(found)
        .extracting(f -> media.relativize(f.path()).toString())
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
  void flagsBringBackStatusesStickersAndProfilePhotos() throws Exception {
    Path media = SampleTree.copyTo(dir);
    List<MediaFile> found = scan(media, new ScanOptions(true, true, true));
    assertThat(found)
        .extracting(MediaFile::mediaFolder)
        .contains("WhatsApp Statuses", "WhatsApp Stickers", "WhatsApp Profile Photos");
    assertThat(found).extracting(MediaFile::name).doesNotContain(".nomedia");
  }

  @Test
  void namesTheMediaFolderOfEveryFile() throws Exception {
    Path media = SampleTree.copyTo(dir);
    List<MediaFile> found = scan(media, ScanOptions.defaults());
    assertThat(found)
        .filteredOn(f -> f.name().startsWith("PTT-"))
        .extracting(MediaFile::mediaFolder)
        .containsOnly("WhatsApp Voice Notes");
    assertThat(scan(media.resolve("WhatsApp Video"), ScanOptions.defaults()))
        .extracting(MediaFile::mediaFolder)
        .containsOnly("WhatsApp Video");
  }

  @Test
  void aMissingRootIsAClearError() {
    assertThatThrownBy(() -> scan(dir.resolve("nope"), ScanOptions.defaults()))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void findsTheStandardLocationsUnderTermuxStorage() throws Exception {
    Path home = dir.resolve("home");
    Path scoped = home.resolve("storage/shared/Android/media/com.whatsapp/WhatsApp/Media");
    java.nio.file.Files.createDirectories(scoped);
    assertThat(WhatsAppLocations.existing(home)).contains(scoped);
  }

  private static List<MediaFile> scan(Path root, ScanOptions options) throws Exception {
    List<MediaFile> found = new ArrayList<>();
    new MediaScanner(options).scan(root, found::add, p -> {});
    return found;
  }
}
