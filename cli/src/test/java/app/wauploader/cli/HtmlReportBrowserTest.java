package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --html} opened in a real headless Chromium: the page loads with no request but
 * itself and no console error or warning (its Content-Security-Policy would report any load it
 * tried), it runs no script and shows no image although file names hold HTML, the month chart is
 * drawn, its numbers equal {@code status --json}'s, and a screenshot shows the coloured cards.
 * Skipped only when chromium is not installed here (CI installs it, and there a missing browser
 * fails the test).
 */
class HtmlReportBrowserTest {
  static final String CHAT = "<b>Fam & \"Co\"</b>";

  @TempDir Path dir;

  @Test
  void theReportRendersOfflineEscapedWithTheStatusNumbers() throws Exception {
    Optional<Path> chromium = HeadlessChromium.executable();
    if (chromium.isEmpty() && System.getenv("CI") != null) {
      throw new AssertionError("chromium is missing on CI: .ci/run installs it");
    }
    Assumptions.assumeTrue(
        chromium.isPresent(),
        "chromium is not installed (apt-get install chromium): the HTML report is not checked in a"
            + " browser");
    Path html = dir.resolve("report out/backup-report.html");
    Files.createDirectories(html.getParent());
    JsonObject status;
    try (ReportScenario scenario = ReportScenario.run(dir)) {
      // A chat (its name is user data too) with a voice note in Drive and a photo that waits.
      Path export =
          Files.writeString(
              dir.resolve("WhatsApp Chat with Fam.txt"),
              "05/11/2023, 12:01 - Mum: IMG-20231105-WA0012.jpg (file attached)\n"
                  + "01/01/2024, 10:00 - Sam: PTT-20240101-WA0001.opus (file attached)\n");
      CliRun chats =
          CliRun.of(
              "chats",
              "import",
              export.toString(),
              "--chat-name",
              CHAT,
              "--source",
              scenario.media.toString(),
              "--db",
              scenario.db.toString());
      assertThat(chats.exitCode()).as(chats.out() + chats.err()).isZero();
      CliRun report =
          CliRun.of("report", "--db", scenario.db.toString(), "--html", html.toString());
      assertThat(report.exitCode()).as(report.err()).isZero();
      assertThat(report.out()).contains("3 safe in Google").contains("5 failed");
      CliRun json = CliRun.of("status", "--db", scenario.db.toString(), "--json");
      status = JsonParser.parseString(json.out()).getAsJsonObject();
    }
    assertThat(dir.resolve("report out").toFile().list()).containsExactly("backup-report.html");

    try (HeadlessChromium browser = HeadlessChromium.start(chromium.get())) {
      String url = html.toUri().toString();
      browser.load(url);
      JsonObject page =
          JsonParser.parseString(
                  browser
                      .evaluate(
                          "JSON.stringify({"
                              + "scripts: document.scripts.length,"
                              + "images: document.images.length,"
                              + "handlers: document.querySelectorAll('[onerror],[onload]').length,"
                              + "fields: Object.fromEntries([...document.querySelectorAll("
                              + "'[data-field]')].map(e => [e.dataset.field,"
                              + " e.textContent.trim()])),"
                              + "files: [...document.querySelectorAll('tr.failure td.file')]"
                              + ".map(e => e.textContent),"
                              + "advice: document.querySelectorAll('tr.failure .advice').length,"
                              + "chats: [...document.querySelectorAll('#chats tr')].slice(1).map(r"
                              + " => [...r.cells].map(c => c.textContent)),"
                              + "chatMarkup: document.querySelectorAll('#chats td *').length,"
                              + "months: [...document.querySelectorAll('svg.chart g.month')].map(g"
                              + " => ({month: g.dataset.month, bytes: +g.dataset.bytes, drive:"
                              + " g.querySelector('rect.drive').getBBox().height})),"
                              + "chartWidth: document.querySelector('svg.chart')"
                              + ".getBoundingClientRect().width,"
                              + "sections: [...document.querySelectorAll('section')].map(s =>"
                              + " s.id)})")
                      .getAsString())
              .getAsJsonObject();

      assertThat(browser.requests()).as("the page loads nothing but itself").containsExactly(url);
      assertThat(browser.problems())
          .as("console errors and warnings; events %s", browser.eventMethods())
          .isEmpty();
      assertThat(page.get("scripts").getAsInt()).isZero();
      assertThat(page.get("images").getAsInt()).isZero();
      assertThat(page.get("handlers").getAsInt()).isZero();

      List<String> files = new ArrayList<>();
      for (JsonElement f : page.getAsJsonArray("files")) {
        String path = f.getAsString();
        files.add(path.substring(path.lastIndexOf('/') + 1));
      }
      assertThat(files).as("hostile names shown as text").containsAll(ReportScenario.HOSTILE_NAMES);
      assertThat(page.get("advice").getAsInt()).isEqualTo(files.size());

      List<String> sections = new ArrayList<>();
      page.getAsJsonArray("sections").forEach(s -> sections.add(s.getAsString()));
      assertThat(sections)
          .containsExactly(
              "summary", "services", "chats", "folders", "months", "quota", "failures", "sessions");

      JsonArray chatRows = page.getAsJsonArray("chats");
      assertThat(chatRows).hasSize(1);
      JsonArray chatRow = chatRows.get(0).getAsJsonArray();
      JsonObject statusChat = status.getAsJsonArray("chats").get(0).getAsJsonObject();
      assertThat(chatRow.get(0).getAsString())
          .isEqualTo(CHAT)
          .isEqualTo(statusChat.get("name").getAsString());
      assertThat(page.get("chatMarkup").getAsInt()).as("the chat's name is text").isZero();
      assertThat(chatRow.get(1).getAsString())
          .isEqualTo(statusChat.get("backed_up").getAsString())
          .isEqualTo("1");
      assertThat(chatRow.get(3).getAsString())
          .isEqualTo(statusChat.get("waiting").getAsString())
          .isEqualTo("1");

      JsonArray months = page.getAsJsonArray("months");
      assertThat(months).hasSize(status.getAsJsonArray("months").size()).hasSize(1);
      JsonObject month = months.get(0).getAsJsonObject();
      JsonObject statusMonth = status.getAsJsonArray("months").get(0).getAsJsonObject();
      assertThat(month.get("month").getAsString())
          .isEqualTo(statusMonth.get("month").getAsString());
      assertThat(month.get("bytes").getAsLong())
          .isEqualTo(
              statusMonth.get("photos_bytes").getAsLong()
                  + statusMonth.get("drive_bytes").getAsLong());
      assertThat(month.get("drive").getAsDouble()).as("the bar has a height").isGreaterThan(100);
      assertThat(page.get("chartWidth").getAsDouble()).isGreaterThan(300);

      JsonObject fields = page.getAsJsonObject("fields");
      assertThat(fields.keySet())
          .contains(
              "total.safe_files",
              "total.waiting_files",
              "total.failed_files",
              "services.photos.waiting_files",
              "services.drive.failed_files",
              "photos_quota.backlog_files",
              "photos_quota.days_needed",
              "errors_recorded");
      for (Map.Entry<String, JsonElement> field : fields.entrySet()) {
        assertThat(field.getValue().getAsString())
            .as(field.getKey())
            .isEqualTo(valueAt(status, field.getKey()));
      }
      assertThat(fields.get("total.failed_files").getAsString()).isEqualTo("5");
      assertThat(fields.get("total.safe_files").getAsString()).isEqualTo("3");
      assertThat(Long.parseLong(fields.get("total.waiting_files").getAsString())).isPositive();

      BufferedImage shot = ImageIO.read(new ByteArrayInputStream(browser.screenshot()));
      Files.write(dir.resolve("report.png"), browser.screenshot());
      assertThat(shot.getWidth()).isGreaterThan(300);
      assertThat(pixelsNear(shot, 0x1e8e3e)).as("green 'safe' card").isGreaterThan(2000);
      assertThat(pixelsNear(shot, 0xe37400)).as("orange 'waiting' card").isGreaterThan(2000);
      assertThat(pixelsNear(shot, 0xd93025)).as("red 'failed' card").isGreaterThan(2000);
      assertThat(pixelsNear(shot, 0x34a853)).as("Drive bars in the chart").isGreaterThan(200);
    }
  }

  /** The value at a dotted path of status --json; an array segment picks by "service". */
  private static String valueAt(JsonObject status, String path) {
    JsonElement at = status;
    for (String part : path.split("\\.")) {
      if (at.isJsonArray()) {
        JsonElement found = null;
        for (JsonElement e : at.getAsJsonArray()) {
          if (e.getAsJsonObject().get("service").getAsString().equals(part)) {
            found = e;
          }
        }
        at = found;
      } else {
        at = at.getAsJsonObject().get(part);
      }
      if (at == null) {
        return "(no " + path + " in status --json)";
      }
    }
    return at.getAsString();
  }

  private static int pixelsNear(BufferedImage image, int rgb) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) < 12
            && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) < 12
            && Math.abs((p & 255) - (rgb & 255)) < 12) {
          count++;
        }
      }
    }
    return count;
  }
}
