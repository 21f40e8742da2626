package app.wauploader.core.app;

import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.catalog.CatalogStore;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.MediaSources;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.drive.DriveCatalogStore;
import app.wauploader.core.upload.GoogleTargets;
import app.wauploader.core.upload.LockOwner;
import app.wauploader.db.Database;
import app.wauploader.domain.Service;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a front end gives core once: where the database is, how to reach Google and with which
 * tokens, who this process is (for locks), and how to read a media file by its source key (for a
 * resume of files listed by an earlier run). The CLI builds one from its options; the Android app
 * from its context and sign-in.
 *
 * @param database the SQLite file (created on first use; never created by a dry run)
 * @param tokens access tokens; {@link AccessTokens#NONE} for an emulator without auth
 * @param endpoints Google's endpoints, or an emulator's
 * @param owner this process, as the holder of locks
 * @param keys finds a source that reads a key stored by an earlier run ({@link MediaSources#forKey}
 *     by default; Android adds {@code saf:} keys)
 * @param targets makes the targets of a run over its open database (Google Drive and Photos by
 *     default; tests give in-memory ones)
 * @param clock the time every database row gets (the system's UTC clock by default)
 * @param deviceName this device as the catalog names it to the user's other devices (a phone model,
 *     a host name)
 * @param catalogs where the catalog is shared (the app's hidden folder in the user's Drive by
 *     default; {@link Catalogs#NONE} keeps it local)
 */
public record BackupEnvironment(
    Path database,
    AccessTokens tokens,
    GoogleEndpoints endpoints,
    LockOwner owner,
    Function<String, Optional<MediaSource>> keys,
    Targets targets,
    Clock clock,
    String deviceName,
    Catalogs catalogs) {

  /** Makes the targets of one run. */
  @FunctionalInterface
  public interface Targets {
    Map<Service, Target> create(Database db, GoogleHttp http);
  }

  /** Where a run's catalog is shared, over the run's HTTP plumbing. */
  @FunctionalInterface
  public interface Catalogs {
    /** No sharing: the catalog stays in the database. */
    Catalogs NONE = http -> Optional.empty();

    Optional<CatalogStore> create(GoogleHttp http);
  }

  /** Google Drive and Photos at {@code endpoints}, media read through {@link MediaSources}. */
  public static BackupEnvironment google(
      Path database, AccessTokens tokens, GoogleEndpoints endpoints, LockOwner owner) {
    return new BackupEnvironment(
        database,
        tokens,
        endpoints,
        owner,
        MediaSources::forKey,
        (db, http) -> GoogleTargets.create(http, db),
        Clock.systemUTC(),
        "this device",
        http -> Optional.of(new DriveCatalogStore(http)));
  }

  /** The same environment with other targets (tests: in-memory ones). */
  public BackupEnvironment withTargets(Targets other) {
    return new BackupEnvironment(
        database, tokens, endpoints, owner, keys, other, clock, deviceName, catalogs);
  }

  /** The same environment writing times from {@code other} (tests: a day later). */
  public BackupEnvironment withClock(Clock other) {
    return new BackupEnvironment(
        database, tokens, endpoints, owner, keys, targets, other, deviceName, catalogs);
  }

  /** The same environment finding sources of stored keys with {@code other} (Android: saf:). */
  public BackupEnvironment withKeys(Function<String, Optional<MediaSource>> other) {
    return new BackupEnvironment(
        database, tokens, endpoints, owner, other, targets, clock, deviceName, catalogs);
  }

  /** The same environment locking as {@code other}. */
  public BackupEnvironment withOwner(LockOwner other) {
    return new BackupEnvironment(
        database, tokens, endpoints, other, keys, targets, clock, deviceName, catalogs);
  }

  /** The same environment naming this device {@code name} in the shared catalog. */
  public BackupEnvironment withDeviceName(String name) {
    return new BackupEnvironment(
        database, tokens, endpoints, owner, keys, targets, clock, name, catalogs);
  }

  /**
   * The same environment sharing the catalog through {@code other} ({@link Catalogs#NONE}: not).
   */
  public BackupEnvironment withCatalogs(Catalogs other) {
    return new BackupEnvironment(
        database, tokens, endpoints, owner, keys, targets, clock, deviceName, other);
  }
}
