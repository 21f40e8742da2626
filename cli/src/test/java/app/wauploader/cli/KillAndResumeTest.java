package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.upload.RemoteContents;
import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.EmulatorInspector;
import app.wauploader.emulator.GoogleEmulator;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
      // A well-formed top-level 'free' box of bulk bytes: the video stays a valid MP4 without a
      // date of its own, so it is sent as a dated copy (mvhd/tkhd/mdhd times patched).
      int bulk = 5 * CHUNK;
      out.write(java.nio.ByteBuffer.allocate(8).putInt(bulk + 8).put("free".getBytes()).array());
      out.write(random(bulk, 2));
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
      EmulatorInspector inspector = new EmulatorInspector(endpoint);
      assertThat(RemoteContents.copies(db, inspector.items()))
          .containsOnlyKeys(CliRun.sha256(bigDoc), CliRun.sha256(bigVideo))
          .containsValues(1);
      // The video went as a dated copy whose date held across every kill: Photos shows it on the
      // day of its name, and its bytes are the ones recorded when its transfer began.
      JsonObject dated = RemoteContents.withContent(db, inspector.items(), CliRun.sha256(bigVideo));
      assertThat(dated.get("sha256").getAsString()).isNotEqualTo(CliRun.sha256(bigVideo));
      assertThat(
              java.time.OffsetDateTime.parse(dated.get("creationTime").getAsString())
                  .atZoneSameInstant(java.time.ZoneId.systemDefault())
                  .toLocalDate())
          .isEqualTo(java.time.LocalDate.of(2024, 3, 1));
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
}
