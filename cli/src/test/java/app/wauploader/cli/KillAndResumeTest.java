package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.EmulatorInspector;
import app.wauploader.emulator.GoogleEmulator;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wa-uploader process is killed with SIGKILL in the middle of throttled transfers and started
 * again: the upload finishes, each file exists once, and the server received at most one chunk more
 * than the unique bytes per kill.
 */
class KillAndResumeTest {
  private static final int CHUNK = 1024 * 1024;
  private static final long BANDWIDTH = 3L * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void aKilledUploadResumesWithoutResendingMoreThanAChunk() throws Exception {
    Path media = dir.resolve("Media");
    Path docs = Files.createDirectories(media.resolve("WhatsApp Documents"));
    Path video = Files.createDirectories(media.resolve("WhatsApp Video"));
    Path bigDoc = docs.resolve("DOC-20240301-WA0001.bin");
    Path bigVideo = video.resolve("VID-20240301-WA0002.mp4");
    Files.write(bigDoc, random(5 * CHUNK + 12345, 1));
    // A real MP4 head (so content detection routes it to Photos) followed by bulk bytes.
    byte[] mp4 =
        Files.readAllBytes(
            Path.of(
                "..", "samples", "whatsapp", "Media", "WhatsApp Video", "VID-20231224-WA0002.mp4"));
    try (OutputStream out = Files.newOutputStream(bigVideo)) {
      out.write(mp4);
      out.write(random(5 * CHUNK, 2));
    }
    long uniqueBytes = Files.size(bigDoc) + Files.size(bigVideo);
    Path db = dir.resolve("wa.db");

    try (GoogleEmulator emulator =
        GoogleEmulator.start(
            EmulatorConfig.defaults(dir.resolve("emulator")).withBandwidth(BANDWIDTH))) {
      URI endpoint = emulator.baseUri();
      int kills = 0;
      long[] killAt = {(long) (1.5 * CHUNK), (long) (6.7 * CHUNK), (long) (9.2 * CHUNK)};
      for (long threshold : killAt) {
        Process p = start(media, endpoint, db);
        if (CliProcess.awaitBytes(
            p, new EmulatorInspector(endpoint), threshold, Duration.ofSeconds(60))) {
          p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
          kills++;
        } else {
          p.waitFor(60, TimeUnit.SECONDS);
        }
      }
      Process last = start(media, endpoint, db);
      String output = CliProcess.finish(last, 120);
      assertThat(last.exitValue()).as(output).isZero();

      assertThat(kills).isGreaterThanOrEqualTo(2);
      List<String> shas = new ArrayList<>();
      EmulatorInspector inspector = new EmulatorInspector(endpoint);
      for (JsonElement e : inspector.items()) {
        shas.add(e.getAsJsonObject().get("sha256").getAsString());
      }
      assertThat(shas).containsExactlyInAnyOrder(sha256(bigDoc), sha256(bigVideo));
      long received = inspector.bytesReceived();
      assertThat(received).isGreaterThanOrEqualTo(uniqueBytes);
      assertThat(received - uniqueBytes)
          .as("bytes re-sent over %d kills", kills)
          .isLessThanOrEqualTo((long) kills * CHUNK);
    }
  }

  private Process start(Path media, URI endpoint, Path db) throws IOException {
    return CliProcess.upload(dir, media, endpoint, db, "--chunk-size", "1", "--transfers", "1");
  }

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static String sha256(Path p) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
  }
}
