package app.wauploader.android.build;

import com.android.apksig.ApkSigner;
import com.android.apksig.ApkVerifier;
import com.android.tools.r8.CompilationMode;
import com.android.tools.r8.OutputMode;
import com.android.tools.r8.R8;
import com.android.tools.r8.R8Command;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds the APK from what Maven made: the resource APK linked by aapt2 (binary manifest,
 * resources.arsc), the app's classes and its runtime jars (dexed per jar through {@link DexCache},
 * or shrunk by R8 for a release build), the Java resources of those jars (Tika's MIME table, {@code
 * META-INF/services}), and sqlite-jdbc's Android {@code .so} files under {@code lib/<abi>/} stored
 * uncompressed at 16 KB-aligned offsets (the app runs them in place: {@code
 * extractNativeLibs=false}). Signs with APK signature schemes v2 and v3 (apksig) with a debug key
 * made by keytool on the first build, and verifies the result.
 */
public final class ApkBuilder {
  /** sqlite-jdbc's folder names for the natives → Android ABI names. */
  static final Map<String, String> ABIS =
      Map.of(
          "aarch64", "arm64-v8a",
          "arm", "armeabi-v7a",
          "x86", "x86",
          "x86_64", "x86_64");

  static final String KEY_ALIAS = "wa-uploader-debug";
  static final String KEY_PASSWORD = "android";

  private ApkBuilder() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].substring(2), args[i + 1]);
    }
    long start = System.nanoTime();
    Path work = Path.of(a.get("work"));
    DexCache.deleteTree(work);
    Files.createDirectories(work);
    Path androidJar = Path.of(a.get("android-jar"));
    int minApi = Integer.parseInt(a.get("min-api"));
    Path classes = Path.of(a.get("classes"));
    List<Path> jars = classpath(Path.of(a.get("classpath-file")));
    for (Path jar : jars) {
      String name = jar.getFileName().toString();
      if (name.startsWith("wa-uploader-emulator") || name.startsWith("wa-uploader-cli")) {
        throw new IllegalStateException("the APK must not contain " + name);
      }
    }
    Path dexDir = work.resolve("dex");
    String dexReport;
    if (Boolean.parseBoolean(a.get("release"))) {
      shrink(classes, jars, androidJar, minApi, Path.of(a.get("rules")), dexDir, work);
      dexReport = "R8";
    } else {
      DexCache cache = new DexCache(Path.of(a.get("dex-cache")), androidJar, minApi);
      List<DexCache.Entry> entries = new ArrayList<>();
      int hits = 0;
      for (Path jar : jars) {
        DexCache.Entry e = cache.dex(jar);
        hits += e.hit() ? 1 : 0;
        entries.add(e);
      }
      List<Path> appClasses;
      try (var walk = Files.walk(classes)) {
        appClasses = walk.filter(p -> p.toString().endsWith(".class")).toList();
      }
      Path appDex = work.resolve("app-dex.zip");
      Path appGlobals = work.resolve("app-globals.zip");
      cache.dexApp(appClasses, classes, appDex, appGlobals);
      cache.merge(entries, appDex, appGlobals, dexDir);
      dexReport = "D8, " + hits + "/" + jars.size() + " jars from the dex cache";
    }
    Path unsigned = work.resolve("unsigned.apk");
    writeUnsigned(
        Path.of(a.get("resources")), dexDir, jars, Path.of(a.get("natives")), classes, unsigned);
    Path keystore = Path.of(a.get("keystore"));
    ensureDebugKey(keystore);
    Path out = Path.of(a.get("out"));
    sign(unsigned, keystore, minApi, out);
    verify(out, minApi);
    System.out.printf(
        "[wa-uploader] %s: %.1f MiB (%s) in %.1f s%n",
        out, Files.size(out) / (1024.0 * 1024.0), dexReport, (System.nanoTime() - start) / 1e9);
  }

  /** The jars of a classpath file written by {@code dependency:build-classpath}. */
  public static List<Path> classpath(Path file) throws IOException {
    List<Path> jars = new ArrayList<>();
    for (String part : Files.readString(file).trim().split(java.io.File.pathSeparator)) {
      if (!part.isBlank()) {
        jars.add(Path.of(part.trim()));
      }
    }
    return jars;
  }

  /** Release: R8 over the app and its jars, keep rules from {@code rules}. */
  private static void shrink(
      Path classes, List<Path> jars, Path androidJar, int minApi, Path rules, Path out, Path work)
      throws Exception {
    Files.createDirectories(out);
    R8.run(
        R8Command.builder(new DexCache.Quiet())
            .addProgramFiles(ApiLevel26.classFiles(classes))
            .addProgramFiles(jars)
            .addLibraryFiles(androidJar)
            .addLibraryResourceProvider(DexCache.jdk())
            .addProguardConfigurationFiles(rules)
            .addProguardConfiguration(
                List.of(
                    "-keep class app.wauploader.android.** { *; }",
                    "-printmapping " + work.resolve("mapping.txt")),
                com.android.tools.r8.origin.Origin.unknown())
            .setMinApiLevel(minApi)
            .setMode(CompilationMode.RELEASE)
            .setOutput(out, OutputMode.DexIndexed)
            .build());
  }

  /**
   * The resource APK's entries, then the dex files, the natives and the jars' Java resources.
   * Stored (not deflated): {@code resources.arsc} (required from target SDK 30) and the {@code .so}
   * files; apksig aligns stored entries when it signs.
   */
  static void writeUnsigned(
      Path resourceApk, Path dexDir, List<Path> jars, Path natives, Path classes, Path out)
      throws IOException {
    Set<String> names = new LinkedHashSet<>();
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      try (ZipFile res = new ZipFile(resourceApk.toFile())) {
        for (Enumeration<? extends ZipEntry> e = res.entries(); e.hasMoreElements(); ) {
          ZipEntry entry = e.nextElement();
          if (entry.isDirectory()) {
            continue;
          }
          byte[] bytes = read(res, entry);
          boolean store =
              entry.getName().equals("resources.arsc") || entry.getMethod() == ZipEntry.STORED;
          put(zip, entry.getName(), bytes, store);
          names.add(entry.getName());
        }
      }
      List<Path> dexFiles;
      try (var list = Files.list(dexDir)) {
        dexFiles = list.filter(p -> p.toString().endsWith(".dex")).sorted().toList();
      }
      for (Path dex : dexFiles) {
        put(zip, dex.getFileName().toString(), Files.readAllBytes(dex), false);
      }
      try (ZipFile jar = new ZipFile(natives.toFile())) {
        for (Map.Entry<String, String> abi : ABIS.entrySet()) {
          String from = "org/sqlite/native/Linux-Android/" + abi.getKey() + "/libsqlitejdbc.so";
          ZipEntry entry = jar.getEntry(from);
          if (entry == null) {
            throw new IOException(natives + " has no " + from);
          }
          put(zip, "lib/" + abi.getValue() + "/libsqlitejdbc.so", read(jar, entry), true);
        }
      }
      Map<String, byte[]> resources = javaResources(jars, classes);
      for (Map.Entry<String, byte[]> r : resources.entrySet()) {
        if (names.add(r.getKey())) {
          put(zip, r.getKey(), r.getValue(), false);
        }
      }
    }
  }

  /**
   * Non-class entries of the jars, as the app's class loader finds them at run time: first jar
   * wins, except {@code META-INF/services/*}, whose lines are merged. Left out: jar signatures and
   * manifests, multi-release and module descriptors, and the desktop natives of sqlite-jdbc.
   */
  static Map<String, byte[]> javaResources(List<Path> jars, Path classes) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    Map<String, Set<String>> services = new LinkedHashMap<>();
    for (Path jar : jars) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
          ZipEntry entry = e.nextElement();
          String name = entry.getName();
          if (entry.isDirectory() || skipped(name)) {
            continue;
          }
          if (name.startsWith("META-INF/services/")) {
            Set<String> lines = services.computeIfAbsent(name, k -> new LinkedHashSet<>());
            for (String line : new String(read(zip, entry), StandardCharsets.UTF_8).split("\n")) {
              String provider = line.replaceAll("#.*", "").trim();
              if (!provider.isEmpty()) {
                lines.add(provider);
              }
            }
          } else {
            out.putIfAbsent(name, read(zip, entry));
          }
        }
      }
    }
    try (var walk = Files.walk(classes)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = classes.relativize(p).toString().replace('\\', '/');
        if (!skipped(name)) {
          out.putIfAbsent(name, Files.readAllBytes(p));
        }
      }
    }
    for (Map.Entry<String, Set<String>> s : services.entrySet()) {
      out.put(
          s.getKey(), (String.join("\n", s.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  private static boolean skipped(String name) {
    String upper = name.toUpperCase(java.util.Locale.ROOT);
    return name.endsWith(".class")
        || name.startsWith("META-INF/versions/")
        || name.equals("META-INF/MANIFEST.MF")
        || (upper.startsWith("META-INF/")
            && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA")))
        || name.startsWith("org/sqlite/native/")
        || name.equals("AndroidManifest.xml")
        || name.equals("resources.arsc");
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes, boolean store)
      throws IOException {
    ZipEntry entry = new ZipEntry(name);
    // Fixed times: the same inputs give the same APK bytes.
    entry.setTime(315532800000L);
    if (store) {
      CRC32 crc = new CRC32();
      crc.update(bytes);
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(bytes.length);
      entry.setCompressedSize(bytes.length);
      entry.setCrc(crc.getValue());
    } else {
      entry.setMethod(ZipEntry.DEFLATED);
    }
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }

  private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  /**
   * Makes the debug key with keytool when {@code keystore} does not exist yet (owner-only file in
   * an owner-only folder). The key lives outside target/ so that a clean build signs with the same
   * key (the Android OAuth client is registered with its SHA-1).
   */
  static void ensureDebugKey(Path keystore) throws IOException, InterruptedException {
    if (Files.isRegularFile(keystore)) {
      return;
    }
    Path dir = keystore.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(keystore.getFileName() + ".partial");
    Files.deleteIfExists(tmp);
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-keystore",
                tmp.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                KEY_PASSWORD,
                "-alias",
                KEY_ALIAS,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "10000",
                "-dname",
                "CN=wa-uploader debug, O=wa-uploader")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the user's profile folder is private already
    }
    Files.move(tmp, keystore, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("[wa-uploader] made the debug signing key " + keystore);
  }

  /** Signs v2 + v3 (no v1: min SDK 26 never reads it); stored {@code .so} at 16 KB offsets. */
  static void sign(Path unsigned, Path keystore, int minSdk, Path out) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, KEY_PASSWORD.toCharArray());
    }
    PrivateKey key = (PrivateKey) ks.getKey(KEY_ALIAS, KEY_PASSWORD.toCharArray());
    if (key == null) {
      throw new IOException(keystore + " has no key named " + KEY_ALIAS);
    }
    List<X509Certificate> chain = new ArrayList<>();
    for (var c : ks.getCertificateChain(KEY_ALIAS)) {
      chain.add((X509Certificate) c);
    }
    Path tmp = out.resolveSibling(out.getFileName() + ".partial");
    new ApkSigner.Builder(List.of(new ApkSigner.SignerConfig.Builder("CERT", key, chain).build()))
        .setInputApk(unsigned.toFile())
        .setOutputApk(tmp.toFile())
        .setMinSdkVersion(minSdk)
        .setV1SigningEnabled(false)
        .setV2SigningEnabled(true)
        .setV3SigningEnabled(true)
        .setLibraryPageAlignmentBytes(16384)
        .setCreatedBy("wa-uploader")
        .build()
        .sign();
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Fails the build unless the APK verifies with both v2 and v3. */
  static void verify(Path apk, int minSdk) throws Exception {
    ApkVerifier.Result result =
        new ApkVerifier.Builder(apk.toFile()).setMinCheckedPlatformVersion(minSdk).build().verify();
    if (!result.isVerified()
        || !result.isVerifiedUsingV2Scheme()
        || !result.isVerifiedUsingV3Scheme()) {
      throw new IOException(apk + " does not verify: " + result.getAllErrors());
    }
  }
}
