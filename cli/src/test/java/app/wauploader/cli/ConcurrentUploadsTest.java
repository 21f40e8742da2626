package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.upload.RemoteContents;
import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.EmulatorInspector;
import app.wauploader.emulator.GoogleEmulator;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two {@code upload} processes on one database at once never send the same file twice. */
class ConcurrentUploadsTest {
  @TempDir Path dir;

  @Test
  void fourProcessesShareTheWorkWithoutSendingAnythingTwiceOrMakingAFolderTwice() throws Exception {
    Path media = dir.resolve("Media");
    Map<String, Long> unique = new HashMap<>();
    Random random = new Random(3);
    for (int i = 0; i < 40; i++) {
      byte[] bytes = new byte[100_000 + random.nextInt(300_000)];
      random.nextBytes(bytes);
      Path file =
          media
              .resolve(i % 2 == 0 ? "WhatsApp Documents" : "WhatsApp Audio")
              .resolve(String.format("DOC-2024%04d-WA%04d.bin", i, i));
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      unique.put(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
          (long) bytes.length);
      if (i % 10 == 0) { // a twin under another name, in the other folder
        Path twin = media.resolve("WhatsApp Documents/Sent").resolve("copy-" + i + ".bin");
        Files.createDirectories(twin.getParent());
        Files.write(twin, bytes);
      }
    }
    long uniqueBytes = unique.values().stream().mapToLong(Long::longValue).sum();
    Path db = dir.resolve("wa.db");
    try (GoogleEmulator emulator =
        GoogleEmulator.start(
            EmulatorConfig.defaults(dir.resolve("emulator")).withBandwidth(4L * 1024 * 1024))) {
      URI endpoint = emulator.baseUri();
      List<Process> processes = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        processes.add(start(media, endpoint, db));
      }
      StringBuilder all = new StringBuilder();
      int uploading = 0;
      for (Process p : processes) {
        String out = CliProcess.finish(p, 120);
        all.append(out);
        // Exit 0 only when every file is in Google; 9 when another process still held some.
        assertThat(p.exitValue()).as(out).isIn(ExitCode.OK.code(), ExitCode.LOCKED.code());
        if (p.exitValue() == ExitCode.LOCKED.code()) {
          assertThat(out).contains("being uploaded by another wa-uploader process");
        }
        uploading += out.matches("(?s).*uploaded [1-9].*") ? 1 : 0;
      }
      // They really overlapped: several uploaded part of the files, or one met another's locks.
      assertThat(uploading > 1 || all.toString().contains("another wa-uploader process"))
          .as(all.toString())
          .isTrue();

      // Whatever one process skipped because the other held it is finished by a later run.
      CliRun last =
          CliRun.of(
              "upload",
              "--source",
              media.toString(),
              "--endpoint",
              endpoint.toString(),
              "--db",
              db.toString(),
              "--no-progress");
      assertThat(last.exitCode()).as(last.out() + last.err()).isZero();

      EmulatorInspector inspector = new EmulatorInspector(endpoint);
      // Which local content each item holds, by the database's record (Photos gets dated copies).
      Map<String, Integer> copies = RemoteContents.copies(db, inspector.items());
      assertThat(copies.keySet()).isEqualTo(unique.keySet());
      assertThat(copies.values()).containsOnly(1);
      // Small Drive files go in one multipart request whose body also holds their metadata.
      long driveFiles = 0;
      for (JsonElement e : inspector.items()) {
        driveFiles += e.getAsJsonObject().get("service").getAsString().equals("drive") ? 1 : 0;
      }
      long storedBytes = RemoteContents.storedBytes(inspector.items());
      assertThat(inspector.bytesReceived()).isBetween(storedBytes, storedBytes + 2048 * driveFiles);
      // Four processes, one folder per path: the folders were made under one lock.
      Map<String, Integer> folders = new HashMap<>();
      for (JsonElement f : inspector.folders()) {
        JsonElement parents = f.getAsJsonObject().get("parents");
        folders.merge(
            f.getAsJsonObject().get("name").getAsString() + " in " + parents, 1, Integer::sum);
      }
      assertThat(folders).as(folders.toString()).isNotEmpty();
      assertThat(folders.values()).containsOnly(1);
    }
  }

  private Process start(Path media, URI endpoint, Path db) throws IOException {
    return CliProcess.upload(dir, media, endpoint, db, "--chunk-size", "0.25");
  }
}
