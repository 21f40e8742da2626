package app.wauploader.cli;

import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.GoogleEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A backup that leaves something in every state, for the report tests: Drive documents whose names
 * hold commas, quotes, a line break, non-ASCII text and HTML (all refused by Drive: failed), photos
 * that wait for Photos' used-up daily quota, and voice notes safe in Drive (backed up by a first
 * run, before the faults).
 */
final class ReportScenario implements AutoCloseable {
  static final String DAILY_QUOTA =
      "Quota exceeded for quota metric 'All requests' and limit 'All requests per day' of service"
          + " 'photoslibrary.googleapis.com' for consumer 'project_number:1'.";

  /** Document names that must survive CSV, JSON and HTML unchanged. */
  static final List<String> HOSTILE_NAMES =
      List.of(
          "Invoice, March \"final\".pdf",
          "two\nlines.pdf",
          "Ünïcødé 文件 — ½.pdf",
          "<img src=x onerror=alert(1)>.pdf",
          "<script>alert('owned')<!--.pdf");

  final GoogleEmulator emulator;
  final Path media;
  final Path db;
  final CliRun upload;

  private ReportScenario(GoogleEmulator emulator, Path media, Path db, CliRun upload) {
    this.emulator = emulator;
    this.media = media;
    this.db = db;
    this.upload = upload;
  }

  /** Builds the tree under {@code dir}, injects the faults and runs {@code upload EXTRA…}. */
  static ReportScenario run(Path dir, String... extra) throws IOException {
    Path media = dir.resolve("Media");
    Path docs = Files.createDirectories(media.resolve("WhatsApp Documents"));
    Random random = new Random(12);
    for (String name : HOSTILE_NAMES) {
      Files.write(docs.resolve(name), bytes(random, 3000));
    }
    Path images = Files.createDirectories(media.resolve("WhatsApp Images"));
    Path samples = Path.of("..", "samples", "whatsapp", "Media", "WhatsApp Images");
    try (var files = Files.list(samples)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Files.copy(p, images.resolve(p.getFileName()));
      }
    }
    Path voice = Files.createDirectories(media.resolve("WhatsApp Voice Notes"));
    for (int i = 0; i < 3; i++) {
      Files.write(voice.resolve("PTT-2024010" + i + "-WA000" + i + ".opus"), bytes(random, 5000));
    }
    GoogleEmulator emulator = GoogleEmulator.start(EmulatorConfig.defaults(dir.resolve("emu")));
    try {
      Path db = dir.resolve("wa.db");
      // First the voice notes alone (safe in Drive), then everything with the faults.
      CliRun first = CliRun.upload(voice, emulator.baseUri().toString(), db);
      if (first.exitCode() != 0) {
        throw new AssertionError(first.out() + first.err());
      }
      new app.wauploader.emulator.EmulatorInspector(emulator.baseUri())
          .addFaults(
              "[{\"route\":\"photos.upload\",\"status\":429,\"times\":1000,\"message\":\""
                  + DAILY_QUOTA
                  + "\"},{\"route\":\"drive.upload\",\"status\":400,\"times\":1000,"
                  + "\"reason\":\"badRequest\"}]");
      CliRun upload = CliRun.upload(media, emulator.baseUri().toString(), db, extra);
      return new ReportScenario(emulator, media, db, upload);
    } catch (IOException | RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  private static byte[] bytes(Random random, int size) {
    byte[] b = new byte[size];
    random.nextBytes(b);
    return b;
  }

  @Override
  public void close() {
    emulator.close();
  }
}
