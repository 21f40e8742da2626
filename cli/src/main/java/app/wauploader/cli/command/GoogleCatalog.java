package app.wauploader.cli.command;

import app.wauploader.cli.AppDirs;
import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.app.Backups;
import app.wauploader.core.app.RunReports;
import app.wauploader.core.catalog.CatalogMerge;
import app.wauploader.core.catalog.CatalogSync;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.retry.TargetException;
import app.wauploader.db.CatalogDeviceRepository;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The CLI's words for the catalog in Google Drive: {@code db restore --from-google}, {@code
 * devices}.
 */
final class GoogleCatalog {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private GoogleCatalog() {}

  static Backups backups(Path database, String endpointText, String why) throws IOException {
    GoogleEndpoints endpoints = GoogleAccess.endpoints(endpointText);
    return new Backups(
        BackupEnvironment.google(
                database,
                GoogleAccess.tokens(
                    endpoints, AppDirs.fromEnvironment(), endpointText != null, why),
                endpoints,
                TransferOptions.thisProcess())
            .withDeviceName(GoogleAccess.deviceName()));
  }

  /**
   * {@code db restore --from-google}: one line per catalog merged, per conflict, per catalog
   * refused; exit 0 when at least one was merged, 8 when Drive holds none, else the code of why
   * Drive could not be asked.
   */
  static int restore(Path database, String endpointText, PrintWriter out, PrintWriter err)
      throws IOException {
    CatalogSync.Merged merged;
    try {
      merged =
          backups(database, endpointText, " (the catalog is read from your Google Drive)")
              .restoreFromGoogle();
    } catch (TargetException e) {
      throw unreachable(e);
    }
    for (CatalogMerge.Result r : merged.merged()) {
      out.printf(
          Locale.ROOT,
          "restored the catalog saved by %s on %s: %,d contents (%,d new here)%n",
          r.deviceName().isEmpty() ? r.deviceId() : r.deviceName(),
          DAY.format(r.savedAt()),
          r.contents(),
          r.addedContents());
      for (CatalogDeviceRepository.Conflict c : r.conflicts()) {
        out.println("  " + RunReports.catalogConflict(c));
      }
    }
    merged.notes().forEach(err::println);
    if (merged.merged().isEmpty()) {
      if (merged.notes().isEmpty()) {
        throw new UserError(
            ExitCode.INPUT,
            "no catalog in your Google Drive yet: a device saves one after its first upload");
      }
      return ExitCode.INPUT.code();
    }
    out.println("the next upload sends only what is not in Google yet (database " + database + ")");
    return 0;
  }

  /** {@code devices}: this device first, then the others, and the conflicts merges found. */
  static int devices(Path database, String endpointText, PrintWriter out, PrintWriter err)
      throws IOException {
    CatalogSync.Devices devices =
        backups(database, endpointText, " (the devices are listed from your Google Drive)")
            .devices();
    if (devices.devices().isEmpty()) {
      out.println("no device has saved a catalog in your Google Drive yet");
    } else {
      out.printf(Locale.ROOT, "%-28s %-22s %10s  %s%n", "DEVICE", "LAST SAVED", "CONTENTS", "");
      for (CatalogSync.SharedDevice d : devices.devices()) {
        out.printf(
            Locale.ROOT,
            "%-28s %-22s %,10d  %s%n",
            d.name() + (d.self() ? " (this one)" : ""),
            d.savedAt().map(DAY::format).orElse("never"),
            d.contents(),
            d.mergedAt().map(t -> "merged here " + DAY.format(t)).orElse(removed(d)));
      }
    }
    if (!devices.conflicts().isEmpty()) {
      out.println("found twice by merges (each is used once; the other copy stays unused):");
      for (CatalogDeviceRepository.Conflict c : devices.conflicts()) {
        out.println(
            "  "
                + DAY.format(Instant.ofEpochMilli(c.foundAt()))
                + " from "
                + c.otherDevice()
                + ": "
                + RunReports.catalogConflict(c));
      }
    }
    devices.notes().forEach(err::println);
    return 0;
  }

  private static String removed(CatalogSync.SharedDevice d) {
    return d.self() || d.inGoogle() ? "" : "(no catalog in Google Drive now)";
  }

  private static UserError unreachable(TargetException e) {
    return switch (e.reason()) {
      case SCOPE_MISSING, UNAUTHORIZED ->
          new UserError(
              ExitCode.NOT_SIGNED_IN,
              "cannot read the catalog in Google Drive: "
                  + e.getMessage()
                  + "; sign in again with 'wa-uploader auth login --service drive' (the catalog"
                  + " needs drive.appdata)");
      case API_DISABLED, STORAGE_FULL ->
          new UserError(
              ExitCode.REMOTE_FATAL, "cannot read the catalog in Google Drive: " + e.getMessage());
      case DAILY_QUOTA ->
          new UserError(
              ExitCode.QUOTA_PAUSED, "Google Drive's daily quota is used up: " + e.getMessage());
      default ->
          new UserError(
              ExitCode.RETRY_LATER,
              "cannot reach the catalog in Google Drive now (" + e.getMessage() + "): try again");
    };
  }
}
