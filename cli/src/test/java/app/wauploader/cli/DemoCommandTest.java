package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void theDemoBacksUpTheBundledTreeTwiceAndShowsTheInventory() {
    CliRun demo = CliRun.of("demo", "--dir", dir.toString());
    assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
    assertThat(demo.out())
        .contains("first run:")
        .contains("second run")
        .contains("uploaded 0,")
        .contains("Google Photos album \"WhatsApp Images\"")
        .contains("Google Drive folder WhatsApp/WhatsApp Voice Notes")
        .contains("Family: 7 messages, 5 attachments (4 found in the media folders, 1 missing)")
        .contains("Google Photos album \"WhatsApp · Family\"")
        .contains("Google Drive folder WhatsApp/Chats/Family");
    assertThat(dir.resolve("Media/WhatsApp Images/Sent/IMG-20231105-WA0013.jpg")).exists();
    assertThat(dir.resolve("Media/.Statuses")).exists();
  }
}
