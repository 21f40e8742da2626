package app.wauploader.core.app;

import app.wauploader.core.catalog.CatalogMerge;
import app.wauploader.core.catalog.CatalogStore;
import app.wauploader.core.catalog.CatalogSync;
import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.upload.RunListener;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.Verdict;
import app.wauploader.db.CatalogDeviceRepository;
import app.wauploader.db.Database;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalog's part of one run: before it, the other devices' newer catalogs are merged (so
 * nothing they stored is sent again); after it, this database's catalog is saved when it changed.
 * Each step tells the run's listener one line; neither can change the run's verdict.
 */
final class CatalogRuns {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final BackupEnvironment env;
  private final Optional<CatalogSync> sync;
  private final RunListener listener;

  private CatalogRuns(BackupEnvironment env, Optional<CatalogSync> sync, RunListener listener) {
    this.env = env;
    this.sync = sync;
    this.listener = listener;
  }

  /**
   * The catalog steps of a run over {@code db}; none when {@code active} is false (a dry run, a
   * resume with nothing due) or the environment shares no catalog.
   */
  static CatalogRuns of(
      BackupEnvironment env,
      Database db,
      boolean active,
      GoogleHttp.RequestCounter requests,
      RunListener listener) {
    return new CatalogRuns(env, active ? sync(env, db, requests) : Optional.empty(), listener);
  }

  /** The environment's catalog sharing over {@code db}, if it shares one. */
  static Optional<CatalogSync> sync(
      BackupEnvironment env, Database db, GoogleHttp.RequestCounter requests) {
    Optional<CatalogStore> store =
        env.catalogs().create(GoogleHttp.create(env.tokens(), env.endpoints(), requests));
    return store.map(s -> new CatalogSync(db, s, env.deviceName()));
  }

  /** Merges the other devices' newer catalogs. */
  void before() {
    if (sync.isEmpty()) {
      return;
    }
    CatalogSync.Merged merged = sync.get().mergeNewer();
    for (CatalogMerge.Result result : merged.merged()) {
      listener.catalog(line(result));
      for (CatalogDeviceRepository.Conflict conflict : result.conflicts()) {
        listener.catalog(line(conflict));
      }
    }
    merged.notes().forEach(listener::catalog);
  }

  /**
   * Saves the catalog when it changed — not after a run stopped on request (Ctrl-C, the app's job
   * cancelled), which should end at once: the next run saves it.
   */
  void after(RunSummary summary) {
    if (sync.isEmpty()) {
      return;
    }
    if (summary.verdict() == Verdict.STOPPED) {
      listener.catalog("catalog not saved: the run was stopped; the next run saves it");
      return;
    }
    sync.get().saveIfChanged(env.clock().instant()).ifPresent(listener::catalog);
  }

  /**
   * {@code merged the catalog saved by pixel-7 on 2026-11-30 18:02 UTC: 41,233 contents, 12 new}.
   */
  static String line(CatalogMerge.Result r) {
    return String.format(
        Locale.ROOT,
        "merged the catalog saved by %s on %s: %,d contents, %,d new",
        r.deviceName().isEmpty() ? r.deviceId() : r.deviceName(),
        DAY.format(r.savedAt()),
        r.contents(),
        r.addedContents());
  }

  /** One conflict a merge found, in words. */
  static String line(CatalogDeviceRepository.Conflict c) {
    String where = c.service() == app.wauploader.domain.Service.PHOTOS ? "Photos" : "Drive";
    return c.kind().equals("content")
        ? "the same content is twice in Google "
            + where
            + " (sent by two devices at once; content "
            + c.key().substring(0, 12)
            + "…): "
            + c.keptId()
            + " is used, "
            + c.otherId()
            + " is an unused copy"
        : "two "
            + (c.service() == app.wauploader.domain.Service.PHOTOS ? "albums" : "folders")
            + " named '"
            + c.key()
            + "' in Google "
            + where
            + ": "
            + c.keptId()
            + " is used by every device, "
            + c.otherId()
            + " no longer";
  }
}
