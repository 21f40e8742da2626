package app.wauploader.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.db.CatalogRepository.Chat;
import app.wauploader.db.CatalogRepository.ChatLink;
import app.wauploader.db.CatalogRepository.Container;
import app.wauploader.db.CatalogRepository.Content;
import app.wauploader.domain.Service;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The catalog file: what goes in comes out, and what is not ours is refused with one line. */
class CatalogFormatTest {
  private static Catalog full() {
    Content photo =
        new Content(
            CatalogFixtures.sha("a"),
            Service.PHOTOS,
            "AKj3photo",
            1234,
            "image/jpeg",
            "IMG-20231201-WA0001.jpg",
            1_764_525_600_000L,
            Optional.of("chat-1"),
            Optional.of(CatalogFixtures.sha("sent")));
    Content doc =
        new Content(
            CatalogFixtures.sha("b"),
            Service.DRIVE,
            "1drive",
            99,
            "application/pdf",
            "DOC \"quoted\" ünïcode.pdf",
            1_764_525_700_000L,
            Optional.empty(),
            Optional.empty());
    return new Catalog(
        1,
        "3f0c-device",
        "pixel-7",
        12,
        Instant.parse("2026-11-30T18:02:11Z"),
        List.of(photo, doc),
        List.of(
            new Container(Service.PHOTOS, "WhatsApp Images", "AF1Q", 1_764_525_500_000L, 31),
            new Container(Service.DRIVE, "WhatsApp/WhatsApp Documents", "1fold", 1L, 0)),
        List.of(
            new Chat(
                "chat-1",
                "Family",
                "android",
                "WhatsApp Chat with Family.txt",
                Optional.of(1L),
                Optional.empty(),
                1,
                2)),
        List.of(new ChatLink(photo.sha256(), "chat-1", 5, Optional.of("AF1Q"), Optional.of(6L))),
        Map.of("theme", "{\"dark\":true}"));
  }

  @Test
  void whatIsWrittenIsReadBackTheSame() throws Exception {
    Catalog catalog = full();
    Catalog read = CatalogFormat.read(CatalogFormat.write(catalog));
    assertThat(read).isEqualTo(catalog);
    assertThat(CatalogFormat.digest(read)).isEqualTo(CatalogFormat.digest(catalog));
  }

  @Test
  void theFileIsGzipJsonThatNamesItsKindFormatAndColumns() throws Exception {
    JsonObject json = JsonParser.parseString(gunzip(CatalogFormat.write(full()))).getAsJsonObject();
    assertThat(json.get("kind").getAsString()).isEqualTo("wa-uploader catalog");
    assertThat(json.get("format").getAsInt()).isEqualTo(1);
    assertThat(json.getAsJsonObject("device").get("name").getAsString()).isEqualTo("pixel-7");
    assertThat(json.getAsJsonArray("contents_columns").get(0).getAsString()).isEqualTo("sha256");
    assertThat(json.getAsJsonArray("contents")).hasSize(2);
    assertThat(json.toString()).doesNotContainIgnoringCase("token");
  }

  @Test
  void theDigestIgnoresWhoSavedItAndWhenButNotWhatItHolds() {
    Catalog a = full();
    Catalog later =
        new Catalog(
            1,
            "other",
            "other",
            13,
            Instant.now(),
            a.contents(),
            a.containers(),
            a.chats(),
            a.chatLinks(),
            a.settings());
    Catalog less =
        new Catalog(
            1,
            a.deviceId(),
            a.deviceName(),
            a.version(),
            a.savedAt(),
            a.contents().subList(0, 1),
            a.containers(),
            a.chats(),
            a.chatLinks(),
            a.settings());
    assertThat(CatalogFormat.digest(later)).isEqualTo(CatalogFormat.digest(a));
    assertThat(CatalogFormat.digest(less)).isNotEqualTo(CatalogFormat.digest(a));
  }

  @Test
  void aNewerFormatIsRefusedWithOneLineSayingToUpdate() throws Exception {
    String text = gunzip(CatalogFormat.write(full())).replace("\"format\":1", "\"format\":2");
    assertThatThrownBy(() -> CatalogFormat.read(gzip(text)))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "the catalog is of format 2, newer than this version of wa-uploader reads (1):"
                + " update wa-uploader on this device");
  }

  @Test
  void gzipGarbageIsRefusedAsDamaged() {
    byte[] file = CatalogFormat.write(full());
    byte[] cut = java.util.Arrays.copyOf(file, file.length / 2);
    assertThatThrownBy(() -> CatalogFormat.read(cut))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("the catalog file is damaged");
    assertThatThrownBy(() -> CatalogFormat.read("not gzip at all".getBytes()))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("the catalog file is damaged")
        .hasMessageNotContaining("\n");
  }

  @Test
  void wrongJsonAndForeignFilesAreRefused() throws Exception {
    assertThatThrownBy(() -> CatalogFormat.read(gzip("{\"kind\":\"wa-uploader catalog\",")))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("the catalog file is damaged");
    assertThatThrownBy(() -> CatalogFormat.read(gzip("[1,2,3]")))
        .isInstanceOf(CatalogException.class)
        .hasMessage("not a wa-uploader catalog: the file is not a JSON object");
    assertThatThrownBy(() -> CatalogFormat.read(gzip("{\"kind\":\"backup\",\"format\":1}")))
        .isInstanceOf(CatalogException.class)
        .hasMessage("not a wa-uploader catalog (kind 'backup')");
    String badSha = gunzip(CatalogFormat.write(full())).replace(CatalogFixtures.sha("a"), "xyz");
    assertThatThrownBy(() -> CatalogFormat.read(gzip(badSha)))
        .isInstanceOf(CatalogException.class)
        .hasMessage("the catalog file is damaged: 'xyz' is not a SHA-256");
    String badService = gunzip(CatalogFormat.write(full())).replace("\"photos\"", "\"flickr\"");
    assertThatThrownBy(() -> CatalogFormat.read(gzip(badService)))
        .isInstanceOf(CatalogException.class)
        .hasMessage("the catalog file is damaged: unknown service 'flickr'");
  }

  @Test
  void aHundredThousandContentsStayAFewMegabytes() throws Exception {
    List<Content> contents = CatalogFixtures.synthetic(100_000, 14);
    Catalog catalog =
        new Catalog(
            1,
            "3f0c-device",
            "pixel-7",
            1,
            Instant.parse("2026-11-30T18:02:11Z"),
            contents,
            List.of(new Container(Service.PHOTOS, "WhatsApp Images", "AF1Q", 1, 20_000)),
            List.of(),
            List.of(),
            Map.of());
    long started = System.nanoTime();
    byte[] file = CatalogFormat.write(catalog);
    long wroteMs = (System.nanoTime() - started) / 1_000_000;
    started = System.nanoTime();
    Catalog read = CatalogFormat.read(file);
    long readMs = (System.nanoTime() - started) / 1_000_000;
    int unpacked = gunzip(file).getBytes(StandardCharsets.UTF_8).length;
    System.out.printf(
        "catalog of 100,000 contents: %,d bytes gzip'd (%,d unpacked), written in %d ms, read in"
            + " %d ms%n",
        file.length, unpacked, wroteMs, readMs);
    assertThat(read.contents()).hasSize(100_000);
    assertThat(file.length).isLessThan(20 * 1024 * 1024);
  }

  static String gunzip(byte[] file) throws Exception {
    try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(file))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
