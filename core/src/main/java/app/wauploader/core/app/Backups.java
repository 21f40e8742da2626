package app.wauploader.core.app;

import app.wauploader.core.auth.SignInRequiredException;
import app.wauploader.core.catalog.CatalogSync;
import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.report.ReportReader;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.source.LocalFileSource;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.MediaSources;
import app.wauploader.core.source.SourceUnavailableException;
import app.wauploader.core.source.ZipArchiveSource;
import app.wauploader.core.upload.ApiRequestLog;
import app.wauploader.core.upload.Pipeline;
import app.wauploader.core.upload.QuotaReset;
import app.wauploader.core.upload.RunControl;
import app.wauploader.core.upload.RunListener;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.UnknownSessionException;
import app.wauploader.core.upload.UploadOptions;
import app.wauploader.db.Database;
import app.wauploader.db.UploadError;
import app.wauploader.db.UploadSession;
import app.wauploader.db.migration.Migrations;
import app.wauploader.domain.Service;
import com.google.gson.JsonArray;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one entry to core for every front end (the CLI's commands, the Android app's worker and
 * screens): back up, resume, and read where things stand. Built from a {@link BackupEnvironment};
 * each call opens the database, does its work and closes it again. A dry run reads a snapshot of
 * the database and writes nothing anywhere (no database file, no directory).
 *
 * <p>Typed results, no advice: {@link RunSummary#verdict()} says what a run amounts to, {@link
 * app.wauploader.domain.FailureReason} why a file failed; each front end turns them into its own
 * words and exit codes.
 */
public final class Backups {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Backups.class);

  private final BackupEnvironment env;

  public Backups(BackupEnvironment env) {
    this.env = env;
  }

  /**
   * Backs up every media file of {@code sources} (checked first: nothing starts when one cannot be
   * read), after making sure the sign-in works (nothing is hashed while signed out). The sources
   * are closed afterwards.
   *
   * @throws SourceUnavailableException if a source cannot be read at all
   * @throws SignInRequiredException if there is no usable sign-in (not for a dry run)
   * @throws app.wauploader.db.DatabaseException if the database cannot be opened or written
   * @throws InterruptedException if this thread is interrupted; work done so far is kept
   */
  public RunSummary backup(
      List<MediaSource> sources, UploadOptions options, RunControl control, RunListener listener)
      throws IOException, InterruptedException {
    try {
      for (MediaSource source : sources) {
        source.check();
      }
      if (!options.dryRun()) {
        checkSignIn();
      }
      MediaSource all =
          new app.wauploader.core.source.SelectedSource(
              MediaSources.of(sources, env.keys()), env.clock());
      LOG.info(
          "backup of {} starting{} (database {})",
          describe(sources),
          options.dryRun() ? ", dry run" : "",
          env.database());
      try (Database db = open(options)) {
        try (ApiRequestLog requests = new ApiRequestLog(db, env.clock())) {
          CatalogRuns catalog = CatalogRuns.of(env, db, !options.dryRun(), requests, listener);
          catalog.before();
          RunSummary summary =
              pipeline(db, all, options, control, listener, requests)
                  .backup(all, describe(sources));
          catalog.after(summary);
          return logged("backup", summary);
        }
      }
    } finally {
      close(sources);
    }
  }

  /**
   * Continues open work of earlier runs without listing anything (see {@link Pipeline#resume}).
   * With no database yet, or nothing due, nothing is written: the summary has no session and its
   * waits say what waits and until when.
   *
   * @throws app.wauploader.core.upload.UnknownSessionException if {@code session} does not exist
   * @throws app.wauploader.core.upload.SessionBusyException if another live process runs it
   * @throws SignInRequiredException if there is work and no usable sign-in
   */
  public RunSummary resume(
      Optional<Long> session,
      int limit,
      UploadOptions options,
      RunControl control,
      RunListener listener)
      throws IOException, InterruptedException {
    if (!Files.exists(env.database())) {
      if (session.isPresent()) {
        throw new UnknownSessionException(session.get());
      }
      return new RunSummary(
          Optional.empty(),
          options.dryRun(),
          Map.of(),
          0,
          0,
          List.of(),
          Optional.empty(),
          0,
          options.transfers(),
          options.transfers(),
          Duration.ZERO,
          0);
    }
    try (Database db = open(options)) {
      try (ApiRequestLog requests = new ApiRequestLog(db, env.clock())) {
        Pipeline pipeline =
            pipeline(
                db, MediaSources.of(List.of(), env.keys()), options, control, listener, requests);
        boolean due =
            !options.dryRun()
                && db.read(tx -> tx.items().due(session, Long.MAX_VALUE, 1)).size() > 0;
        if (due) {
          checkSignIn();
        }
        LOG.info(
            "resume{} starting (database {})",
            session.map(s -> " of session " + s).orElse(""),
            env.database());
        CatalogRuns catalog = CatalogRuns.of(env, db, due, requests, listener);
        catalog.before();
        RunSummary summary = pipeline.resume(session, limit);
        catalog.after(summary);
        return logged("resume", summary);
      }
    } finally {
      MediaSources.closeArchives();
    }
  }

  /**
   * Where the backup stands: the newest {@code sessions} sessions, files per state, what waits,
   * errors. Read without the write lock: a running upload in another process does not delay it.
   *
   * @return empty if there is no database yet (nothing is created)
   */
  public Optional<StatusReport> status(int sessions) {
    if (!Files.exists(env.database())) {
      return Optional.empty();
    }
    try (Database db = Database.open(env.database(), Migrations.all(), env.clock())) {
      return Optional.of(
          db.read(
              tx -> {
                List<UploadSession> latest = tx.sessions().latest(sessions);
                Map<Long, Long> errors = new LinkedHashMap<>();
                for (UploadSession s : latest) {
                  errors.put(s.id(), tx.errors().countForSession(s.id()));
                }
                return new StatusReport(
                    db.file(),
                    latest,
                    errors,
                    tx.errors().count(),
                    tx.items().countByState(),
                    tx.fileHashes().count(),
                    tx.itemLocks().lockedCount(),
                    tx.items().waiting(Optional.empty(), tx.nowMs()),
                    tx.contentChats().progress(),
                    photosQuota(tx));
              }));
    }
  }

  /**
   * The whole picture ({@link BackupReport}): safe, waiting and failed files per service, media
   * folder and chat, bytes per month in {@code zone}, the Photos quota and backlog, the newest
   * {@code failures} failures and {@code sessions} sessions. Read without the write lock.
   *
   * @return empty if there is no database yet (nothing is created)
   */
  public Optional<BackupReport> report(int sessions, int failures, java.time.ZoneId zone) {
    if (!Files.exists(env.database())) {
      return Optional.empty();
    }
    ReportReader reader = new ReportReader(zone, sessions, failures);
    try (Database db = Database.open(env.database(), Migrations.all(), env.clock())) {
      return Optional.of(db.read(tx -> reader.read(tx, db.file())));
    }
  }

  /**
   * Recorded failures, newest first (at most {@code limit}), or those of one session oldest first.
   *
   * @return empty list if there is no database yet
   */
  public List<UploadError> errors(int limit, Optional<Long> session) {
    if (!Files.exists(env.database())) {
      return List.of();
    }
    try (Database db = Database.open(env.database(), Migrations.all(), env.clock())) {
      return db.read(
          tx ->
              session.isPresent()
                  ? tx.errors().forSession(session.get())
                  : tx.errors().latest(limit));
    }
  }

  private PhotosQuota photosQuota(app.wauploader.db.Transaction tx) throws java.sql.SQLException {
    java.time.LocalDate day = QuotaReset.day(env.clock().instant());
    return PhotosQuota.of(
        day.toString(),
        tx.apiRequests().on(day).getOrDefault(Service.PHOTOS, 0L),
        tx.apiRequests().total(Service.PHOTOS),
        tx.fileHashes().count(Service.PHOTOS),
        tx.items().countOpen(Service.PHOTOS));
  }

  /**
   * Brings back the catalog saved in the user's Google Drive by every device sharing it (this
   * database's own earlier saves included when the database was lost): contents, albums and
   * folders, chats, settings. Merged into this database, which is created if needed; what it knew
   * stays. A catalog that is damaged, foreign or newer is refused with a note, the others merged.
   *
   * @return one result per catalog merged (none when the Drive holds none) and the notes
   * @throws TargetException classified, when Google Drive cannot be asked (network, sign-in, a
   *     sign-in without the {@code drive.appdata} scope)
   * @throws SignInRequiredException if there is no usable sign-in
   */
  public CatalogSync.Merged restoreFromGoogle() throws IOException, TargetException {
    checkSignIn();
    try (Database db = Database.open(env.database(), Migrations.all(), env.clock())) {
      return CatalogRuns.sync(env, db, GoogleHttp.RequestCounter.NONE)
          .orElseThrow(() -> new IllegalStateException("this environment shares no catalog"))
          .mergeAll();
    }
  }

  /**
   * The devices sharing the catalog (this one first) with when each last saved, and the conflicts
   * merges found; asks Google Drive, and says so in a note when it cannot.
   */
  public CatalogSync.Devices devices() {
    try (Database db = Database.open(env.database(), Migrations.all(), env.clock())) {
      Optional<CatalogSync> sync = CatalogRuns.sync(env, db, GoogleHttp.RequestCounter.NONE);
      return sync.isPresent()
          ? sync.get().devices()
          : new CatalogSync.Devices(List.of(), List.of(), List.of("no catalog is shared"));
    }
  }

  /** The database file of this environment. */
  public java.nio.file.Path database() {
    return env.database();
  }

  private Pipeline pipeline(
      Database db,
      MediaSource media,
      UploadOptions options,
      RunControl control,
      RunListener listener,
      ApiRequestLog requests) {
    GoogleHttp http =
        GoogleHttp.create(
            env.tokens(),
            env.endpoints(),
            options.dryRun() ? GoogleHttp.RequestCounter.NONE : requests);
    return new Pipeline(
        db,
        env.targets().create(db, http),
        media,
        options.withOwner(env.owner()),
        control,
        listener);
  }

  /** Logs how a run ended (its verdict, the files it counted, the bytes it sent). */
  private static RunSummary logged(String what, RunSummary summary) {
    LOG.info(
        "{} ended: {} ({} files, {} bytes sent{})",
        what,
        summary.verdict(),
        summary.files(),
        summary.bytesSent(),
        summary.sessionId().map(id -> ", session " + id).orElse(""));
    return summary;
  }

  private Database open(UploadOptions options) {
    return options.dryRun()
        ? Database.openSnapshot(env.database(), Migrations.all(), env.clock())
        : Database.open(env.database(), Migrations.all(), env.clock());
  }

  private void checkSignIn() throws IOException {
    try {
      env.tokens().current();
    } catch (SignInRequiredException e) {
      throw e;
    } catch (IOException unreachable) {
      // The token service cannot be reached now: the run finds out what else cannot be reached.
    }
  }

  private static String describe(List<MediaSource> sources) {
    JsonArray array = new JsonArray();
    for (MediaSource source : sources) {
      if (source instanceof LocalFileSource local) {
        local.roots().forEach(r -> array.add(r.toString()));
      } else if (source instanceof ZipArchiveSource zip) {
        array.add(zip.archive().toString());
      } else {
        array.add(source.getClass().getSimpleName());
      }
    }
    return array.toString();
  }

  private static void close(List<MediaSource> sources) throws IOException {
    for (MediaSource source : sources) {
      if (source instanceof Closeable closeable) {
        closeable.close();
      }
    }
    MediaSources.closeArchives();
  }
}
