package app.wauploader.cli.command;

import app.wauploader.cli.ExitCode;
import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.app.Backups;
import app.wauploader.core.app.Chats;
import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.source.LocalFileSource;
import app.wauploader.core.upload.RunControl;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.UploadOptions;
import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.EmulatorInspector;
import app.wauploader.emulator.GoogleEmulator;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the main job on embedded defaults — the bundled emulator and sample WhatsApp tree,
 * a fresh SQLite database — run twice to show that the second run sends nothing.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Back up the bundled sample WhatsApp media tree to the embedded emulator, twice, and show what the emulator holds. Needs no Google account.")
public final class DemoCommand implements Callable<Integer> {
  private static final String SAMPLES = "samples/whatsapp/";

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "Work directory for the sample tree, database and emulator data"
              + " (default: a new temporary directory).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path work =
        dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("wa-uploader-demo");
    Path media = extractSamples(work);
    Path db = work.resolve("wa-uploader.db");
    out.println("sample WhatsApp tree: " + media);
    out.println("database:             " + db);
    try (GoogleEmulator emulator =
        GoogleEmulator.start(EmulatorConfig.defaults(work.resolve("emulator")))) {
      URI endpoint = emulator.baseUri();
      out.println("emulator:             " + endpoint);
      out.println();
      UploadOptions options = UploadOptions.defaults();
      BackupEnvironment env =
          BackupEnvironment.google(
              db, AccessTokens.NONE, GoogleEndpoints.at(endpoint), TransferOptions.thisProcess());
      Backups backups = new Backups(env);
      Path chat = extractChat(work);
      out.println("importing the sample chat export " + chat.getFileName() + ":");
      for (Chats.Result r :
          new Chats(env, Locale.UK, ZoneId.systemDefault())
              .importExports(
                  List.of(chat), Optional.empty(), List.of(new LocalFileSource(List.of(media))))) {
        if (r instanceof Chats.Imported imported) {
          out.println("  " + ChatsCommand.line(imported.chat()));
        }
      }
      out.println();
      ExitCode worst = ExitCode.OK;
      for (String title : List.of("first run:", "second run (same tree; nothing new to send):")) {
        out.println(title);
        out.flush();
        RunSummary summary =
            UploadRunner.run(
                RunControl.create(),
                false,
                false,
                out,
                err,
                (control, listener) ->
                    backups.backup(
                        List.of(new LocalFileSource(List.of(media))), options, control, listener));
        if (worst == ExitCode.OK) {
          worst = ExitCode.of(summary);
        }
      }
      out.println();
      printInventory(endpoint, out);
      out.println();
      out.println(
          "inspect: wa-uploader status --db " + db + "   |   wa-uploader errors --db " + db);
      out.flush();
      return worst.code();
    }
  }

  /** Copies the sample tree listed in {@code samples/whatsapp/index.txt} out of the jar. */
  static Path extractSamples(Path work) throws IOException {
    ClassLoader loader = DemoCommand.class.getClassLoader();
    try (InputStream index = loader.getResourceAsStream(SAMPLES + "index.txt")) {
      if (index == null) {
        throw new IOException("the sample tree is missing from this build");
      }
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        Path target = work.resolve(line).normalize();
        if (!target.startsWith(work)) {
          throw new IOException("sample index escapes the work directory: " + line);
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = loader.getResourceAsStream(SAMPLES + line)) {
          if (in == null) {
            throw new IOException("sample file missing from this build: " + line);
          }
          Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return work.resolve("Media");
  }

  /** Copies the sample chat export out of the jar. */
  static Path extractChat(Path work) throws IOException {
    String name = "WhatsApp Chat with Family.txt";
    Path target = work.resolve(name);
    try (InputStream in =
        DemoCommand.class.getClassLoader().getResourceAsStream("samples/chats/" + name)) {
      if (in == null) {
        throw new IOException("the sample chat export is missing from this build");
      }
      Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  private static void printInventory(URI endpoint, PrintWriter out) throws IOException {
    EmulatorInspector inspector = new EmulatorInspector(endpoint);
    JsonArray items = inspector.items();
    Map<String, Integer> byPlace = new TreeMap<>();
    JsonArray albums = inspector.albums();
    Map<String, String> albumTitles = new TreeMap<>();
    for (JsonElement a : albums) {
      albumTitles.put(
          a.getAsJsonObject().get("id").getAsString(),
          a.getAsJsonObject().get("title").getAsString());
    }
    JsonArray folders = inspector.folders();
    Map<String, JsonObject> folderById = new TreeMap<>();
    for (JsonElement f : folders) {
      folderById.put(f.getAsJsonObject().get("id").getAsString(), f.getAsJsonObject());
    }
    for (JsonElement e : items) {
      JsonObject item = e.getAsJsonObject();
      if (item.get("service").getAsString().equals("photos")) {
        JsonArray ids = item.getAsJsonArray("albumIds");
        if (ids.isEmpty()) {
          byPlace.merge("Google Photos, no album", 1, Integer::sum);
        }
        for (JsonElement id : ids) {
          byPlace.merge(
              "Google Photos album \"" + albumTitles.getOrDefault(id.getAsString(), "?") + "\"",
              1,
              Integer::sum);
        }
      } else {
        JsonArray parents = item.getAsJsonArray("parents");
        String path =
            parents.isEmpty() ? "?" : folderPath(folderById, parents.get(0).getAsString());
        byPlace.merge("Google Drive folder " + path, 1, Integer::sum);
      }
    }
    for (JsonElement e : inspector.shortcuts()) {
      JsonArray parents = e.getAsJsonObject().getAsJsonArray("parents");
      String path = parents.isEmpty() ? "?" : folderPath(folderById, parents.get(0).getAsString());
      byPlace.merge("Google Drive folder " + path + " (shortcuts)", 1, Integer::sum);
    }
    out.println(
        "the emulator now holds "
            + items.size()
            + " items ("
            + inspector.bytesReceived()
            + " upload bytes received in all); where they are (an item in two albums counts in"
            + " both):");
    byPlace.forEach((place, n) -> out.printf("  %3d  %s%n", n, place));
  }

  /** {@code WhatsApp/Chats/Family}: the folder's path up from {@code id}. */
  private static String folderPath(Map<String, JsonObject> folders, String id) {
    StringBuilder path = new StringBuilder();
    for (JsonObject f = folders.get(id); f != null; ) {
      path.insert(0, (path.length() == 0 ? "" : "/")).insert(0, f.get("name").getAsString());
      JsonArray parents = f.getAsJsonArray("parents");
      f = parents == null || parents.isEmpty() ? null : folders.get(parents.get(0).getAsString());
    }
    return path.toString();
  }
}
