package app.wauploader.core.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where WhatsApp and WhatsApp Business keep media on Android: scoped storage (Android 11+) {@code
 * Android/media/com.whatsapp/WhatsApp/Media} and {@code Android/media/com.whatsapp.w4b/WhatsApp
 * Business/Media}, and the legacy {@code WhatsApp/Media}, {@code WhatsApp Business/Media} at the
 * top of shared storage. Shared storage is {@code /storage/emulated/0} ({@code /sdcard}); in
 * Termux, {@code ~/storage/shared} after {@code termux-setup-storage}.
 */
public final class WhatsAppLocations {
  private static final List<String> RELATIVE =
      List.of(
          "Android/media/com.whatsapp/WhatsApp/Media",
          "Android/media/com.whatsapp.w4b/WhatsApp Business/Media",
          "WhatsApp/Media",
          "WhatsApp Business/Media");

  private WhatsAppLocations() {}

  /** Every candidate media folder, existing or not, for the given home directory. */
  public static List<Path> candidates(Path home) {
    List<Path> sharedRoots =
        List.of(
            home.resolve("storage/shared"), Paths.get("/storage/emulated/0"), Paths.get("/sdcard"));
    List<Path> result = new ArrayList<>();
    for (Path shared : sharedRoots) {
      for (String relative : RELATIVE) {
        result.add(shared.resolve(relative));
      }
    }
    return result;
  }

  /**
   * The candidate media folders that exist, without the same folder reached twice through different
   * names (e.g. {@code /sdcard} → {@code /storage/emulated/0}).
   */
  public static List<Path> existing(Path home) {
    Set<Path> seen = new LinkedHashSet<>();
    List<Path> result = new ArrayList<>();
    for (Path candidate : candidates(home)) {
      if (Files.isDirectory(candidate)) {
        Path real;
        try {
          real = candidate.toRealPath();
        } catch (java.io.IOException e) {
          real = candidate;
        }
        if (seen.add(real)) {
          result.add(candidate);
        }
      }
    }
    return result;
  }
}
