package app.wauploader.core.app;

import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.MediaSources;
import app.wauploader.core.target.Target;
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
 */
public record BackupEnvironment(
    Path database,
    AccessTokens tokens,
    GoogleEndpoints endpoints,
    LockOwner owner,
    Function<String, Optional<MediaSource>> keys,
    Targets targets,
    Clock clock) {

  /** Makes the targets of one run. */
  @FunctionalInterface
  public interface Targets {
    Map<Service, Target> create(Database db, GoogleHttp http);
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
        Clock.systemUTC());
  }

  /** The same environment with other targets (tests: in-memory ones). */
  public BackupEnvironment withTargets(Targets other) {
    return new BackupEnvironment(database, tokens, endpoints, owner, keys, other, clock);
  }

  /** The same environment writing times from {@code other} (tests: a day later). */
  public BackupEnvironment withClock(Clock other) {
    return new BackupEnvironment(database, tokens, endpoints, owner, keys, targets, other);
  }

  /** The same environment finding sources of stored keys with {@code other} (Android: saf:). */
  public BackupEnvironment withKeys(Function<String, Optional<MediaSource>> other) {
    return new BackupEnvironment(database, tokens, endpoints, owner, other, targets, clock);
  }

  /** The same environment locking as {@code other}. */
  public BackupEnvironment withOwner(LockOwner other) {
    return new BackupEnvironment(database, tokens, endpoints, other, keys, targets, clock);
  }
}
