package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.upload.RemoteContents;
import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.EmulatorInspector;
import app.wauploader.emulator.GoogleEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill torture: a few hundred files (some of several MB) are uploaded to a throttled emulator by a
 * wa-uploader process that is killed with SIGKILL at 22 random moments and started again each time.
 * At the end every file is stored exactly once, {@code db check} is clean, and the bytes the
 * emulator received exceed the unique bytes by at most one chunk per kill.
 */
class KillTortureTest {
  private static final int CHUNK = 1024 * 1024;
  private static final int KILLS = 22;

  @TempDir Path dir;

  @Test
  void twentyTwoKillsLoseNothingAndDuplicateNothing() throws Exception {
    Path media = dir.resolve("Media");
    Map<String, Long> unique = generate(media);
    long uniqueBytes = unique.values().stream().mapToLong(Long::longValue).sum();
    Path db = dir.resolve("wa.db");
    Random random = new Random(20261121);

    try (GoogleEmulator emulator =
        GoogleEmulator.start(
            EmulatorConfig.defaults(dir.resolve("emulator")).withBandwidth(4L * 1024 * 1024))) {
      URI endpoint = emulator.baseUri();
      EmulatorInspector inspector = new EmulatorInspector(endpoint);
      int kills = 0;
      int midTransfer = 0;
      for (int i = 0; i < KILLS; i++) {
        Process p = start(media, endpoint, db);
        boolean alive;
        if (i % 2 == 0) {
          // Anywhere: start-up, scan, hashing, planning or sending.
          alive = !p.waitFor(300 + random.nextInt(1200), TimeUnit.MILLISECONDS);
        } else {
          // Mid-transfer: after a random amount of new bytes reached the server.
          long target = inspector.bytesReceived() + 50_000 + random.nextInt(1_000_000);
          alive = CliProcess.awaitBytes(p, inspector, target, Duration.ofSeconds(30));
          midTransfer += alive ? 1 : 0;
        }
        if (alive) {
          p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
          kills++;
        }
      }
      Process last = start(media, endpoint, db);
      String output = CliProcess.finish(last, 180);
      assertThat(last.exitValue()).as(output).isZero();
      assertThat(kills).isGreaterThanOrEqualTo(20);
      assertThat(midTransfer).isGreaterThanOrEqualTo(8);

      // Which local content each item holds, by the database's record (Photos gets dated copies).
      Map<String, Integer> copies = RemoteContents.copies(db, inspector.items());
      assertThat(copies.keySet()).isEqualTo(unique.keySet());
      assertThat(copies.values()).containsOnly(1);

      long received = inspector.bytesReceived();
      // What Google holds, each content once (dated JPEG copies are a little larger).
      uniqueBytes = RemoteContents.storedBytes(inspector.items());
      assertThat(received).isGreaterThanOrEqualTo(uniqueBytes);
      assertThat(received - uniqueBytes)
          .as("bytes re-sent over %d kills", kills)
          .isLessThanOrEqualTo((long) kills * CHUNK);

      CliRun check = CliRun.of("db", "check", "--db", db.toString());
      assertThat(check.exitCode()).as(check.out()).isZero();
      assertThat(check.out()).startsWith("ok");
      System.out.printf(
          "kill torture: %d kills (%d mid-transfer), %d files, %d unique bytes, %d re-sent bytes%n",
          kills, midTransfer, unique.size(), uniqueBytes, received - uniqueBytes);
    }
  }

  private Process start(Path media, URI endpoint, Path db) throws IOException {
    return CliProcess.upload(dir, media, endpoint, db, "--chunk-size", "1", "--transfers", "2");
  }

  /**
   * 300 files: 270 small documents (1–40 KB), 20 photos (a real JPEG head + random bytes), 10 large
   * files of 1–4 MB (documents and MP4-headed videos); returns sha256 → size.
   */
  private static Map<String, Long> generate(Path media) throws Exception {
    Random random = new Random(7);
    byte[] jpeg =
        Files.readAllBytes(
            Path.of(
                "..",
                "samples",
                "whatsapp",
                "Media",
                "WhatsApp Images",
                "IMG-20231105-WA0012.jpg"));
    byte[] mp4 =
        Files.readAllBytes(
            Path.of(
                "..", "samples", "whatsapp", "Media", "WhatsApp Video", "VID-20231224-WA0002.mp4"));
    Map<String, Long> unique = new HashMap<>();
    List<Path> written = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Path file;
      byte[] head;
      int size;
      if (i < 270) {
        file =
            media
                .resolve("WhatsApp Documents")
                .resolve(String.format("DOC-2024%04d-WA%04d.bin", i, i));
        head = new byte[0];
        size = 1024 + random.nextInt(40 * 1024);
      } else if (i < 290) {
        file =
            media
                .resolve("WhatsApp Images")
                .resolve(String.format("IMG-2024%04d-WA%04d.jpg", i, i));
        head = jpeg;
        size = jpeg.length + random.nextInt(60 * 1024);
      } else {
        boolean video = i % 2 == 0;
        file =
            media
                .resolve(video ? "WhatsApp Video" : "WhatsApp Documents")
                .resolve(
                    String.format(
                        video ? "VID-2024%04d-WA%04d.mp4" : "DOC-2024%04d-WA%04d.pdf", i, i));
        head = video ? mp4 : new byte[0];
        size = head.length + CHUNK + random.nextInt(3 * CHUNK);
      }
      Files.createDirectories(file.getParent());
      byte[] bytes = new byte[size];
      random.nextBytes(bytes);
      System.arraycopy(head, 0, bytes, 0, head.length);
      try (OutputStream out = Files.newOutputStream(file)) {
        out.write(bytes);
      }
      written.add(file);
      unique.put(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
          (long) size);
    }
    return unique;
  }
}
