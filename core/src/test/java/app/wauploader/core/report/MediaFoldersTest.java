package app.wauploader.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The media folder a report counts a file under, from its source key's folder. */
class MediaFoldersTest {
  @Test
  void theWhatsAppFolderBelowMediaWins() {
    assertThat(
            MediaFolders.of(
                "fs:/storage/emulated/0/Android/media/com.whatsapp/WhatsApp/Media/WhatsApp"
                    + " Images/Sent/"))
        .isEqualTo("WhatsApp Images");
    assertThat(MediaFolders.of("fs:/home/u/WhatsApp Backup/Media/WhatsApp Voice Notes/202345/"))
        .isEqualTo("WhatsApp Voice Notes");
    assertThat(MediaFolders.of("fs:/sdcard/WhatsApp/Media/.Statuses/"))
        .isEqualTo("WhatsApp Statuses");
    assertThat(MediaFolders.of("zip:/x/Trip.zip!/WhatsApp Video/")).isEqualTo("WhatsApp Video");
  }

  @Test
  void otherwiseTheInnermostFolderOrArchive() {
    assertThat(MediaFolders.of("fs:/home/u/Pictures/holiday/")).isEqualTo("holiday");
    assertThat(MediaFolders.of("zip:/home/u/WhatsApp Chat - Trip.zip!/"))
        .isEqualTo("WhatsApp Chat - Trip.zip");
  }
}
