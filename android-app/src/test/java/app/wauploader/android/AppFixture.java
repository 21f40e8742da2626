package app.wauploader.android;

import static org.robolectric.Shadows.shadowOf;

import android.app.AppOpsManager;
import android.app.Application;
import android.os.Environment;
import android.os.Looper;
import app.wauploader.core.auth.GoogleScopes;
import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.EmulatorInspector;
import app.wauploader.emulator.GoogleEmulator;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.shadows.ShadowEnvironment;

/**
 * The app under Robolectric against the real emulator, started in this JVM on 127.0.0.1 (with
 * sign-in required): the settings point the app at it, the sample WhatsApp tree is copied where
 * WhatsApp keeps its media on the (Robolectric) shared storage, and all-files access is granted.
 */
final class AppFixture implements AutoCloseable {
  final Application app = RuntimeEnvironment.getApplication();
  final GoogleEmulator emulator;
  final EmulatorInspector inspector;
  final Path emulatorDir;

  AppFixture() throws IOException {
    emulatorDir = Files.createTempDirectory("wa-emulator");
    emulator = GoogleEmulator.start(EmulatorConfig.defaults(emulatorDir).withRequireAuth(true));
    inspector = new EmulatorInspector(emulator.baseUri());
    new AppSettings(app).setEndpoint(Optional.of(emulator.baseUri().toString()));
  }

  /** Copies the sample tree to WhatsApp's media folder and grants all-files access. */
  Path withWhatsAppMedia() throws IOException {
    Path shared = Environment.getExternalStorageDirectory().toPath();
    ShadowEnvironment.addExternalDir(shared.toString());
    allFilesAccess(true);
    Path media = shared.resolve(MediaAccess.WHATSAPP);
    copyTree(Paths.get(System.getProperty("wa.samples")).resolve("Media"), media);
    return media;
  }

  /**
   * Grants or takes back "All files access" (the app op Environment.isExternalStorageManager
   * reads).
   */
  void allFilesAccess(boolean allowed) {
    shadowOf(app.getSystemService(AppOpsManager.class))
        .setMode(
            AppOpsManager.OPSTR_MANAGE_EXTERNAL_STORAGE,
            android.os.Process.myUid(),
            app.getPackageName(),
            allowed ? AppOpsManager.MODE_ALLOWED : AppOpsManager.MODE_ERRORED);
  }

  /**
   * Signs in without the browser step: tokens minted by the emulator, stored as a sign-in would.
   */
  void signedIn() throws IOException {
    JsonObject request = new JsonObject();
    request.addProperty("scope", String.join(" ", GoogleScopes.ALL));
    JsonObject minted = post("/__emulator/tokens", request.toString());
    AppEnvironment.tokenFile(app)
        .save(
            new TokenFile.Tokens(
                minted.get("refresh_token").getAsString(),
                minted.get("access_token").getAsString(),
                System.currentTimeMillis() + 3_000_000L,
                new AppSettings(app).endpoints().tokenUrl(),
                minted.has("scope") ? minted.get("scope").getAsString() : ""));
  }

  JsonObject post(String path, String json) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) new URL(emulator.baseUri().resolve(path).toString()).openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = c.getOutputStream()) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    try (InputStream in = c.getInputStream()) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
  }

  /** Runs the main looper until {@code done} holds (work of background threads posted back). */
  static void await(BooleanSupplier done, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + timeout);
      }
      shadowOf(Looper.getMainLooper()).idle();
      Thread.sleep(20);
    }
    shadowOf(Looper.getMainLooper()).idle();
  }

  @Override
  public void close() throws IOException {
    emulator.close();
    deleteTree(emulatorDir);
  }

  static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Path target = to.resolve(from.relativize(file).toString());
            Files.copy(file, target);
            Files.setLastModifiedTime(target, attrs.lastModifiedTime());
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
