package app.wauploader.android;

import static org.assertj.core.api.Assertions.assertThat;

import com.android.apksig.ApkVerifier;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The finished APK (after {@code package}): signed v2 and v3 (apksig's verifier), minSdk 26 and
 * targetSdk 35 (aapt2 dump badging), core's classes in the dex, sqlite-jdbc's {@code .so} for each
 * ABI stored uncompressed at a 16 KB-aligned offset, and no CLI or emulator classes.
 */
class ApkIT {
  private final Path apk = Path.of(System.getProperty("wa.apk"));

  @Test
  void theApkVerifiesWithSignatureSchemesV2AndV3() throws Exception {
    ApkVerifier.Result result =
        new ApkVerifier.Builder(apk.toFile()).setMinCheckedPlatformVersion(26).build().verify();
    assertThat(result.getAllErrors()).isEmpty();
    assertThat(result.isVerified()).isTrue();
    assertThat(result.isVerifiedUsingV2Scheme()).isTrue();
    assertThat(result.isVerifiedUsingV3Scheme()).isTrue();
  }

  @Test
  void theManifestSaysMinSdk26TargetSdk35AndRunsTheNativesInPlace() throws Exception {
    Process p =
        new ProcessBuilder(System.getProperty("wa.aapt2"), "dump", "badging", apk.toString())
            .redirectErrorStream(true)
            .start();
    String badging = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(badging).isZero();
    assertThat(badging)
        .contains("package: name='app.wauploader.android'")
        .contains("minSdkVersion:'26'")
        .contains("targetSdkVersion:'35'")
        .contains("native-code: 'arm64-v8a' 'armeabi-v7a' 'x86' 'x86_64'");
    Process xml =
        new ProcessBuilder(
                System.getProperty("wa.aapt2"),
                "dump",
                "xmltree",
                apk.toString(),
                "--file",
                "AndroidManifest.xml")
            .redirectErrorStream(true)
            .start();
    String manifest = new String(xml.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(xml.waitFor()).isZero();
    assertThat(manifest).containsPattern("extractNativeLibs\\(0x[0-9a-f]+\\)=false");
  }

  @Test
  void theDexHoldsCoreButNeitherTheCliNorTheEmulator() throws IOException {
    StringBuilder types = new StringBuilder();
    try (ZipFile zip = new ZipFile(apk.toFile())) {
      for (var e = zip.entries(); e.hasMoreElements(); ) {
        var entry = e.nextElement();
        if (entry.getName().matches("classes\\d*\\.dex")) {
          types.append(
              new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1));
        }
      }
      assertThat(zip.getEntry("org/apache/tika/mime/tika-mimetypes.xml")).isNotNull();
      assertThat(
              new String(
                  zip.getInputStream(zip.getEntry("META-INF/services/java.sql.Driver"))
                      .readAllBytes(),
                  StandardCharsets.UTF_8))
          .contains("org.sqlite.JDBC");
    }
    assertThat(types)
        .contains("Lapp/wauploader/core/app/Backups;")
        .contains("Lapp/wauploader/core/upload/Pipeline;")
        .contains("Lapp/wauploader/db/Database;")
        .contains("Lorg/sqlite/JDBC;")
        .contains("Lapp/wauploader/android/BackupJobService;")
        .doesNotContain("Lapp/wauploader/cli/")
        .doesNotContain("Lapp/wauploader/emulator/");
  }

  @Test
  void theNativeLibrariesAreStoredAt16KbAlignedOffsets() throws IOException {
    Map<String, long[]> entries = localEntries(apk);
    for (String abi : new String[] {"arm64-v8a", "armeabi-v7a", "x86", "x86_64"}) {
      long[] e = entries.get("lib/" + abi + "/libsqlitejdbc.so");
      assertThat(e).as(abi).isNotNull();
      assertThat(e[0]).as("method of " + abi).isZero();
      assertThat(e[1] % 16384).as("data offset of " + abi).isZero();
      assertThat(e[2]).as("size of " + abi).isGreaterThan(1_000_000);
    }
    assertThat(entries.get("resources.arsc")[0]).isZero();
  }

  /** name → {method, offset of the data, size}, read from the central directory. */
  private static Map<String, long[]> localEntries(Path apk) throws IOException {
    Map<String, long[]> out = new HashMap<>();
    try (RandomAccessFile file = new RandomAccessFile(apk.toFile(), "r");
        FileChannel ch = file.getChannel()) {
      ByteBuffer all = ByteBuffer.allocate((int) ch.size()).order(ByteOrder.LITTLE_ENDIAN);
      while (all.hasRemaining() && ch.read(all) > 0) {}
      int eocd = all.limit() - 22;
      while (all.getInt(eocd) != 0x06054b50) {
        eocd--;
      }
      int count = all.getShort(eocd + 10) & 0xffff;
      int p = all.getInt(eocd + 16);
      for (int i = 0; i < count; i++) {
        int method = all.getShort(p + 10) & 0xffff;
        long size = all.getInt(p + 24) & 0xffffffffL;
        int nameLength = all.getShort(p + 28) & 0xffff;
        int extra = all.getShort(p + 30) & 0xffff;
        int comment = all.getShort(p + 32) & 0xffff;
        int local = all.getInt(p + 42);
        byte[] name = new byte[nameLength];
        all.get(p + 46, name);
        int data =
            local + 30 + (all.getShort(local + 26) & 0xffff) + (all.getShort(local + 28) & 0xffff);
        out.put(new String(name, StandardCharsets.UTF_8), new long[] {method, data, size});
        p += 46 + nameLength + extra + comment;
      }
    }
    return out;
  }

  @Test
  void theApkIsSmallEnoughToSendToAPhone() throws IOException {
    assertThat(Files.size(apk)).isLessThan(20L * 1024 * 1024);
  }
}
