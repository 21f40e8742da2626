package app.wauploader.android.build;

import com.android.tools.r8.CompilationFailedException;
import com.android.tools.r8.D8;
import com.android.tools.r8.D8Command;
import com.android.tools.r8.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * D8 for each dependency jar once: the intermediate dex of a jar is kept under {@code
 * <cache>/<key>/} where the key is the jar's SHA-256 with the D8 version and min API, so it
 * outlives {@code mvn clean} and a changed jar (a new SNAPSHOT of core) is dexed again. Entries are
 * written to a temporary folder and renamed, so two builds at once never see half an entry. Only
 * the merge of all entries runs on every build.
 */
final class DexCache {
  private final Path root;
  // One provider each for every D8 call: opening the 137 MB android-all and the JDK's image once,
  // not once per jar.
  private final com.android.tools.r8.ClassFileResourceProvider android;
  private final com.android.tools.r8.ClassFileResourceProvider jdk;
  private final int minApi;

  DexCache(Path root, Path androidJar, int minApi) {
    this.root = root;
    try {
      this.android = new com.android.tools.r8.ArchiveClassFileProvider(androidJar);
      this.jdk = jdk();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    this.minApi = minApi;
  }

  /** One jar's dex: {@code dex.zip}, and {@code globals.zip} when D8 made global synthetics. */
  record Entry(Path dex, Path globals, boolean hit) {}

  /** The cached dex of {@code jar}, made now if absent. */
  Entry dex(Path jar) throws IOException, CompilationFailedException {
    Path dir = root.resolve(key(jar));
    Path dex = dir.resolve("dex.zip");
    if (Files.isRegularFile(dex)) {
      return new Entry(dex, dir.resolve("globals.zip"), true);
    }
    Files.createDirectories(root);
    Path tmp = Files.createTempDirectory(root, ".partial-");
    D8.run(
        D8Command.builder(new Quiet())
            .addProgramFiles(jar)
            .addLibraryResourceProvider(android)
            .addLibraryResourceProvider(jdk)
            .setMinApiLevel(minApi)
            .setMode(com.android.tools.r8.CompilationMode.RELEASE)
            .setIntermediate(true)
            .setOutput(tmp.resolve("dex.zip"), com.android.tools.r8.OutputMode.DexIndexed)
            .setGlobalSyntheticsOutput(tmp.resolve("globals.zip"))
            .build());
    try {
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
      // another build made the same entry meanwhile: keep theirs
      deleteTree(tmp);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the dex cache " + root + " must allow renames", e);
    }
    return new Entry(dex, dir.resolve("globals.zip"), false);
  }

  /** Merges the entries and the app's own classes into {@code out} (classes.dex, classes2.dex…). */
  void merge(List<Entry> entries, Path appClassesDex, Path appGlobals, Path out)
      throws CompilationFailedException, IOException {
    Files.createDirectories(out);
    D8Command.Builder merge =
        D8Command.builder(new Quiet())
            .addLibraryResourceProvider(android)
            .addLibraryResourceProvider(jdk)
            .setMinApiLevel(minApi)
            .setMode(com.android.tools.r8.CompilationMode.RELEASE)
            .setOutput(out, com.android.tools.r8.OutputMode.DexIndexed);
    List<Path> globals = new ArrayList<>();
    for (Entry e : entries) {
      merge.addProgramFiles(e.dex());
      if (Files.isRegularFile(e.globals())) {
        globals.add(e.globals());
      }
    }
    merge.addProgramFiles(appClassesDex);
    if (Files.isRegularFile(appGlobals)) {
      globals.add(appGlobals);
    }
    merge.addGlobalSyntheticsFiles(globals);
    D8.run(merge.build());
  }

  /** D8 of the app's own classes (never cached: they change with every edit). */
  void dexApp(List<Path> classFiles, Path classesRoot, Path outZip, Path globals)
      throws CompilationFailedException, IOException {
    D8.run(
        D8Command.builder(new Quiet())
            .addProgramFiles(classFiles)
            .addLibraryResourceProvider(android)
            .addLibraryResourceProvider(jdk)
            .setMinApiLevel(minApi)
            .setMode(com.android.tools.r8.CompilationMode.RELEASE)
            .setIntermediate(true)
            .setOutput(outZip, com.android.tools.r8.OutputMode.DexIndexed)
            .setGlobalSyntheticsOutput(globals)
            .build());
  }

  /** The running JDK's classes (android-all has no {@code java.*}). */
  static com.android.tools.r8.ClassFileResourceProvider jdk() throws IOException {
    return com.android.tools.r8.JdkClassFileProvider.fromJdkHome(
        Path.of(System.getProperty("java.home")));
  }

  /** D8's diagnostics: errors fail the build; warnings and infos are counted, not printed. */
  static final class Quiet implements com.android.tools.r8.DiagnosticsHandler {
    int warnings;

    @Override
    public void warning(com.android.tools.r8.Diagnostic d) {
      warnings++;
    }

    @Override
    public void info(com.android.tools.r8.Diagnostic d) {}
  }

  private String key(Path jar) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(jar)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
    }
    String name = jar.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    return name
        + "-"
        + HexFormat.of().formatHex(sha.digest()).substring(0, 32)
        + "-d8-"
        + Version.getVersionString().split(" ")[0]
        + "-api"
        + minApi;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
