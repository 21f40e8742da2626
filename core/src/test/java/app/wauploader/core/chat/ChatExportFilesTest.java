package app.wauploader.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports on disk: .txt and .zip, and the files that are not exports. */
class ChatExportFilesTest {
  private static final String CHAT =
      "[13/11/2023, 12:00:00] Ann: \u200E<attached: 00000001-PHOTO-2023-11-13-12-00-00.jpg>\n"
          + "[13/11/2023, 12:00:05] Bob: nice\n";

  @TempDir Path dir;

  private static ChatExportFile read(Path file) throws IOException {
    return ChatExportFiles.read(file, Optional.empty(), Locale.UK);
  }

  private Path zip(String name, Map<String, byte[]> entries) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aZipGivesItsChatTextAndListsItsMedia() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("__MACOSX/._chat.txt", new byte[] {0, 5, 22, 7});
    entries.put("00000001-PHOTO-2023-11-13-12-00-00.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8});
    entries.put("older/", new byte[0]);
    entries.put("older/_chat.txt", utf8("13/11/2023, 12:00 - Old: older export"));
    entries.put("_chat.txt", utf8(CHAT));
    entries.put("00000002-old-export.zip", new byte[] {'P', 'K', 3, 4});
    Path file = zip("WhatsApp Chat - Family (1).zip", entries);

    ChatExportFile export = read(file);

    assertThat(export.path()).isEqualTo(file);
    assertThat(export.isArchive()).isTrue();
    assertThat(export.chat().chat()).isEqualTo("Family");
    assertThat(export.chat().senders()).containsExactly("Ann", "Bob");
    assertThat(export.zipEntries())
        .containsExactly(
            "00000001-PHOTO-2023-11-13-12-00-00.jpg", "older/_chat.txt", "00000002-old-export.zip");
    assertThat(export.chat().attachments().get(0).name()).isEqualTo(export.zipEntries().get(0));

    assertThat(ChatExportFiles.read(file, Optional.of("Mum & Dad"), Locale.UK).chat().chat())
        .isEqualTo("Mum & Dad");
  }

  @Test
  void anAndroidZipNamesTheChatInItsTextFile() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(
        "WhatsApp Chat mit Oma.txt",
        utf8(
            "13.11.23, 12:00 - Oma: IMG-20231113-WA0001.jpg (Datei angeh\u00e4ngt)\nSch\u00f6n\n"));
    entries.put("IMG-20231113-WA0001.jpg", new byte[] {1});
    ChatExportFile export = read(zip("export.zip", entries));
    assertThat(export.chat().chat()).isEqualTo("Oma");
    assertThat(export.chat().attachments())
        .extracting(Attachment::name, Attachment::caption)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("IMG-20231113-WA0001.jpg", "Sch\u00f6n"));
    assertThat(export.zipEntries()).containsExactly("IMG-20231113-WA0001.jpg");
  }

  @Test
  void aZipWithoutAHeaderOrPrefixIsNamedAfterTheZip() throws IOException {
    ChatExportFile export = read(zip("Holiday.zip", Map.of("_chat.txt", utf8(CHAT))));
    assertThat(export.chat().chat()).isEqualTo("Holiday");
    assertThat(export.zipEntries()).isEmpty();
  }

  @Test
  void aTextFileInAFolderIsNamedAfterTheFolder() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("Climbing"));
    Path file = folder.resolve("_chat.txt");
    Files.write(file, utf8("\uFEFF" + CHAT.replace("\n", "\r\n")));
    ChatExportFile export = read(file);
    assertThat(export.isArchive()).isFalse();
    assertThat(export.zipEntries()).isEmpty();
    assertThat(export.chat().chat()).isEqualTo("Climbing");
    assertThat(export.chat().messages()).hasSize(2);
  }

  @Test
  void anEmptyFile() throws IOException {
    Path file = Files.write(dir.resolve("WhatsApp Chat with Ann.txt"), new byte[0]);
    assertThatThrownBy(() -> read(file))
        .isInstanceOf(ChatExportException.class)
        .hasMessage("WhatsApp Chat with Ann.txt is empty: export the chat again from WhatsApp");
  }

  @Test
  void aBinaryFile() throws IOException {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    noise[0] = 0x7F; // not a ZIP signature
    Path file = Files.write(dir.resolve("photo.txt"), noise);
    assertThatThrownBy(() -> read(file))
        .isInstanceOf(ChatExportException.class)
        .hasMessage("photo.txt is not a WhatsApp chat export: no line starts with a date");
  }

  @Test
  void aZipWithoutChatText() throws IOException {
    Path file =
        zip(
            "Media.zip",
            Map.of(
                "IMG-20231113-WA0001.jpg", new byte[] {1}, "__MACOSX/._chat.txt", new byte[] {2}));
    assertThatThrownBy(() -> read(file))
        .isInstanceOf(ChatExportException.class)
        .hasMessage(
            "Media.zip holds no chat text (_chat.txt): export the chat again from WhatsApp");
  }

  @Test
  void aCorruptOrTruncatedZip() throws IOException {
    Path good = zip("good.zip", Map.of("_chat.txt", utf8(CHAT)));
    byte[] bytes = Files.readAllBytes(good);
    Path truncated = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length / 2));
    Path garbage = Files.write(dir.resolve("garbage.zip"), utf8("this is not a zip at all"));
    for (Path file : new Path[] {truncated, garbage}) {
      String name = file.getFileName().toString();
      assertThatThrownBy(() -> read(file))
          .isInstanceOf(ChatExportException.class)
          .hasMessageStartingWith(name + " is not a readable ZIP archive")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Test
  void aMissingFileOrAFolder() {
    assertThatThrownBy(() -> read(dir.resolve("gone.txt")))
        .isInstanceOf(ChatExportException.class)
        .hasMessage("gone.txt does not exist: check the path");
    assertThatThrownBy(() -> read(dir))
        .isInstanceOf(ChatExportException.class)
        .hasMessageContaining("is a folder, not a WhatsApp chat export");
  }

  @Test
  void aZipWithATextNameIsStillAZipAndTextStartingWithPkIsText() throws IOException {
    Path zip = zip("export.zip", Map.of("_chat.txt", utf8(CHAT)));
    Path renamed = Files.move(zip, dir.resolve("export.txt"));
    assertThat(read(renamed).chat().messages()).hasSize(2);

    Path text = Files.write(dir.resolve("PK.txt"), utf8("PK\n13/11/2023, 12:00 - PK: hi\n"));
    assertThat(read(text).chat().senders()).containsExactly("PK");
  }

  @Test
  void aZipWhoseChatTextIsDamaged() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      text.append("13/11/2023, 12:00 - Ann: message number ").append(i).append('\n');
    }
    byte[] bytes =
        Files.readAllBytes(zip("damaged.zip", Map.of("_chat.txt", utf8(text.toString()))));
    for (int i = 45; i < 90; i++) {
      bytes[i] ^= 0x5A;
    }
    Path file = Files.write(dir.resolve("damaged.zip"), bytes);
    assertThatThrownBy(() -> read(file))
        .isInstanceOf(ChatExportException.class)
        .hasMessageStartingWith("damaged.zip ");
  }
}
