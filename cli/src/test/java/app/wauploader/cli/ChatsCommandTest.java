package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.EmulatorInspector;
import app.wauploader.emulator.GoogleEmulator;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chats import|list|inspect} and {@code upload --chat/--chat-export}, as a user runs them.
 */
class ChatsCommandTest {
  @TempDir Path dir;
  private GoogleEmulator emulator;
  private Path media;
  private Path db;
  private Path family;
  private Path trip;

  @BeforeEach
  void setUp() throws Exception {
    emulator = GoogleEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator")));
    media = UploadCommandTest.copySamples(dir);
    db = dir.resolve("wa.db");
    family = dir.resolve("WhatsApp Chat with Family.txt");
    Files.writeString(
        family,
        "05/11/2023, 12:01 - Mum: IMG-20231105-WA0012.jpg (file attached)\n"
            + "the cake\n"
            + "24/12/2023, 18:31 - Dad: DOC-20231010-WA0003.pdf (file attached)\n"
            + "25/12/2023, 09:00 - Mum: IMG-20231225-WA0099.jpg (file attached)\n",
        StandardCharsets.UTF_8);
    trip = dir.resolve("WhatsApp Chat - Trip.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(trip))) {
      zip.putNextEntry(new ZipEntry("_chat.txt"));
      zip.write(
          ("[05/11/2023, 12:06:10] Anna: \u200e<attached: 00000001-PHOTO-2023-11-05-12-06-10.jpg>\n"
                  + "[14/02/2024, 10:01:00] Ben: what a view\n")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("00000001-PHOTO-2023-11-05-12-06-10.jpg"));
      zip.write(Files.readAllBytes(media.resolve("WhatsApp Images/IMG-20240214-WA0003.jpg")));
    }
  }

  @AfterEach
  void tearDown() {
    emulator.close();
  }

  @Test
  void inspectShowsTheParseAndStoresNothing() throws Exception {
    Path export =
        corpus().resolve("whatsapp-chat-parser-go/test_data/english_iphone-saved_contacts.txt");
    CliRun run = CliRun.of("chats", "inspect", export.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(json.get("format").getAsString()).isEqualTo("ios");
    assertThat(json.getAsJsonArray("senders").toString())
        .isEqualTo("[\"Josh\",\"Marthy\",\"Andrew\"]");
    assertThat(json.get("messages").getAsInt()).isPositive();
    assertThat(json.get("first").getAsString()).matches("\\d{4}-\\d\\d-\\d\\dT.*[+-Z].*");
    assertThat(json.has("attachments")).isTrue();
    assertThat(Files.exists(db)).isFalse();
  }

  @Test
  void importListUploadAndStatusPerChat() throws Exception {
    CliRun imported =
        CliRun.of(
            "chats",
            "import",
            family.toString(),
            trip.toString(),
            "--source",
            media.toString(),
            "--db",
            db.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains("Family: 3 messages, 3 attachments (2 found in the media folders, 1 missing)")
        .contains("Trip: 2 messages, 1 attachments (inside the export)");

    CliRun again = CliRun.of("chats", "import", family.toString(), "--db", db.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    CliRun list = CliRun.of("chats", "list", "--json", "--db", db.toString());
    JsonArray chats = JsonParser.parseString(list.out()).getAsJsonArray();
    assertThat(chats).hasSize(2);
    JsonObject first = chats.get(0).getAsJsonObject();
    assertThat(first.get("name").getAsString()).isEqualTo("Family");
    assertThat(first.get("messages").getAsInt()).as("a re-import adds nothing").isEqualTo(3);
    assertThat(first.get("attachments").getAsInt()).isEqualTo(3);
    assertThat(first.get("found").getAsInt()).isEqualTo(2);
    assertThat(first.get("id").getAsString()).matches("[0-9a-f]{16}");

    CliRun upload = CliRun.upload(media, emulator.baseUri().toString(), db, "--chat", "family");
    assertThat(upload.exitCode()).as(upload.err()).isZero();
    assertThat(upload.out()).contains("uploaded 2,");
    Map<String, String> albums = albumTitles();
    assertThat(albums.values()).containsExactly("WhatsApp · Family");

    CliRun status = CliRun.of("status", "--db", db.toString());
    assertThat(status.out())
        .containsPattern("Family\\s+2\\s+0\\s+0")
        .contains("backs up chat Family");
  }

  @Test
  void aChatExportZipAloneIsACompleteCommand() throws Exception {
    CliRun run =
        CliRun.of(
            "upload",
            "--chat-export",
            trip.toString(),
            "--endpoint",
            emulator.baseUri().toString(),
            "--db",
            db.toString(),
            "--no-progress");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Trip: 2 messages, 1 attachments (inside the export)");
    assertThat(run.out()).contains("uploaded 1,");
    assertThat(albumTitles().values()).containsExactly("WhatsApp · Trip");
    assertThat(new EmulatorInspector(emulator.baseUri()).items()).hasSize(1);
  }

  @Test
  void aZipExportWithoutItsExtensionIsStillReadInPlace() throws Exception {
    Path renamed = dir.resolve("WhatsApp Chat - Trip");
    Files.copy(trip, renamed);
    CliRun run =
        CliRun.of(
            "upload",
            "--chat-export",
            renamed.toString(),
            "--endpoint",
            emulator.baseUri().toString(),
            "--db",
            db.toString(),
            "--no-progress");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("uploaded 1,");
    assertThat(albumTitles().values()).containsExactly("WhatsApp · Trip");
  }

  @Test
  void mistakesGetOneLineAndANamedExitCode() throws Exception {
    CliRun unknown = CliRun.upload(media, emulator.baseUri().toString(), db, "--chat", "Nobody");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no chat 'Nobody' is imported").doesNotContain("\tat ");

    Path notAnExport = dir.resolve("notes.txt");
    Files.writeString(notAnExport, "just some notes\nno dates here\n");
    CliRun bad =
        CliRun.of(
            "chats", "import", notAnExport.toString(), family.toString(), "--db", db.toString());
    assertThat(bad.exitCode()).isEqualTo(8);
    assertThat(bad.err()).contains("notes.txt").doesNotContain("\tat ");
    assertThat(bad.out()).contains("Family: 3 messages");

    CliRun missing = CliRun.of("chats", "inspect", dir.resolve("gone.zip").toString());
    assertThat(missing.exitCode()).isEqualTo(8);
    assertThat(missing.err()).contains("gone.zip").doesNotContain("\tat ");

    CliRun noMedia =
        CliRun.of(
            "upload",
            "--chat-export",
            family.toString(),
            "--endpoint",
            emulator.baseUri().toString(),
            "--db",
            dir.resolve("other.db").toString());
    assertThat(noMedia.exitCode()).as(noMedia.out() + noMedia.err()).isEqualTo(8);
    assertThat(noMedia.err()).contains("no WhatsApp media folder found");
    assertThat(noMedia.out()).as("nothing stored before the sources are settled").isEmpty();

    CliRun gone =
        CliRun.of(
            "upload", "--chat-export", dir.resolve("gone.txt").toString(), "--db", db.toString());
    assertThat(gone.exitCode()).isEqualTo(8);
    assertThat(gone.err()).contains("no chat export at").contains("gone.txt");

    CliRun dry =
        CliRun.of("upload", "--chat-export", trip.toString(), "--dry-run", "--db", db.toString());
    assertThat(dry.exitCode()).isEqualTo(2);
    assertThat(dry.err()).contains("chats inspect");
  }

  private Map<String, String> albumTitles() throws Exception {
    Map<String, String> titles = new HashMap<>();
    for (JsonElement a : new EmulatorInspector(emulator.baseUri()).albums()) {
      titles.put(
          a.getAsJsonObject().get("id").getAsString(),
          a.getAsJsonObject().get("title").getAsString());
    }
    return titles;
  }

  /** The repository's copy of the chat-export corpus ({@code testdata/corpus/chat-exports}). */
  static Path corpus() {
    for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("testdata/corpus/chat-exports");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("testdata/corpus/chat-exports not found above the working directory");
  }
}
