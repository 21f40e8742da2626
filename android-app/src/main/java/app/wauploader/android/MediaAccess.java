package app.wauploader.android;

import android.Manifest;
import android.content.Context;
import android.content.pm.PackageManager;
import android.os.Build;
import android.os.Environment;
import app.wauploader.core.source.LocalFileSource;
import app.wauploader.core.source.MediaSource;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the app reads WhatsApp's media: with "All files access" ({@code MANAGE_EXTERNAL_STORAGE},
 * Android 11+; {@code READ_EXTERNAL_STORAGE} before) plain file reads of the media folders of the
 * chosen apps (the local source, as in Termux); otherwise the folder granted through the Storage
 * Access Framework, if there is one. MediaStore is no use: it skips WhatsApp's {@code .nomedia}
 * folders (Sent, Private) and every file that is not a photo, video or audio.
 */
final class MediaAccess {
  /** Below shared storage: scoped storage (Android 11+) first, then the legacy places. */
  static final String WHATSAPP = "Android/media/com.whatsapp/WhatsApp/Media";

  static final String WHATSAPP_LEGACY = "WhatsApp/Media";
  static final String BUSINESS = "Android/media/com.whatsapp.w4b/WhatsApp Business/Media";
  static final String BUSINESS_LEGACY = "WhatsApp Business/Media";

  private MediaAccess() {}

  /** True when plain file reads of shared storage are allowed. */
  static boolean allFilesAccess(Context context) {
    if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) {
      return Environment.isExternalStorageManager();
    }
    return context.checkSelfPermission(Manifest.permission.READ_EXTERNAL_STORAGE)
        == PackageManager.PERMISSION_GRANTED;
  }

  /** The existing media folders of the chosen apps below shared storage. */
  static List<File> localFolders(AppSettings settings) {
    File shared = Environment.getExternalStorageDirectory();
    List<String> relative = new ArrayList<>();
    if (settings.whatsApp()) {
      relative.add(WHATSAPP);
      relative.add(WHATSAPP_LEGACY);
    }
    if (settings.business()) {
      relative.add(BUSINESS);
      relative.add(BUSINESS_LEGACY);
    }
    List<File> found = new ArrayList<>();
    for (String r : relative) {
      File folder = new File(shared, r);
      if (folder.isDirectory()) {
        found.add(folder);
      }
    }
    return found;
  }

  /**
   * The sources of one backup, or empty with the reason in {@code why} when nothing can be read.
   */
  static Optional<List<MediaSource>> sources(
      Context context, AppSettings settings, StringBuilder why) {
    if (allFilesAccess(context)) {
      List<File> folders = localFolders(settings);
      if (!folders.isEmpty()) {
        List<java.nio.file.Path> roots = new ArrayList<>();
        for (File f : folders) {
          roots.add(f.toPath());
        }
        List<MediaSource> sources = new ArrayList<>();
        sources.add(new LocalFileSource(roots));
        return Optional.of(sources);
      }
    }
    if (settings.safTree().isPresent()) {
      List<MediaSource> sources = new ArrayList<>();
      sources.add(new SafMediaSource(context.getContentResolver(), settings.safTree().get()));
      return Optional.of(sources);
    }
    why.append(
        allFilesAccess(context)
            ? "no WhatsApp media folder found on this phone"
            : "allow \"All files access\" (or choose WhatsApp's Media folder) first");
    return Optional.empty();
  }
}
