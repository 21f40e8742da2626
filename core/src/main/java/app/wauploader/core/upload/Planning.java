package app.wauploader.core.upload;

import app.wauploader.core.hash.ContentHasher;
import app.wauploader.core.hash.Fingerprint;
import app.wauploader.core.plan.Route;
import app.wauploader.core.plan.Router;
import app.wauploader.core.source.MediaContent;
import app.wauploader.core.source.MediaEntry;
import app.wauploader.core.source.MediaSource;
import app.wauploader.db.Database;
import app.wauploader.db.ScanEntry;
import app.wauploader.db.UploadItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fingerprint and plan stage: a file's SHA-256 and MIME type come from the scan cache (same
 * key, size and mtime) or from one streaming read; its route from {@link ChatRouting} (its chat's
 * album or folder, else its media folder's, as the {@link Router} says); what it needs from the
 * {@link Planner}, in the same transaction as the scan cache update. The listener hears every
 * decision (a dry run prints them).
 */
final class Planning {
  private final Database db;
  private final MediaSource media;
  private final Planner planner;
  private final RunStatistics stats;
  private final FailurePolicy failures;
  private final RunControl control;
  private final ContentHasher hasher = new ContentHasher();
  private final ChatRouting chats;

  Planning(
      Database db,
      MediaSource media,
      Planner planner,
      RunStatistics stats,
      FailurePolicy failures,
      RunControl control,
      ChatRouting chats) {
    this.db = db;
    this.chats = chats;
    this.media = media;
    this.planner = planner;
    this.stats = stats;
    this.failures = failures;
    this.control = control;
  }

  /**
   * Fingerprints one file (scan cache, or one read) and plans it in one transaction.
   *
   * @return the decision, or empty when the file is finished already (unreadable, run stopping)
   */
  Optional<Planner.Decision> plan(MediaEntry file, long sessionId) {
    Known known = planKnown(List.of(file), sessionId);
    if (!known.decided().isEmpty()) {
      return Optional.of(known.decided().get(0).decision());
    }
    return known.unknown().isEmpty() ? Optional.empty() : planRead(file, sessionId);
  }

  /** A file of a batch and what was decided for it. */
  record Decided(MediaEntry file, Planner.Decision decision) {}

  /**
   * A batch after {@link #planKnown}: the files the scan cache knew, planned; the ones to read
   * ({@link #planRead}).
   */
  record Known(List<Decided> decided, List<MediaEntry> unknown) {}

  /**
   * Plans every file of {@code files} the scan cache knows (same key, size and mtime) in one
   * transaction — a re-run asks the database once per batch, not once per file — and tells the
   * listener; the others are left for {@link #planRead}. When the run is stopping, every file is
   * deferred.
   */
  Known planKnown(List<MediaEntry> files, long sessionId) {
    if (control.isStopping()) {
      files.forEach(f -> stats.finished(f.where(), Outcome.DEFERRED));
      return new Known(List.of(), List.of());
    }
    List<Decided> decided = new ArrayList<>();
    List<MediaEntry> unknown = new ArrayList<>();
    db.useTransaction(
        tx -> {
          for (MediaEntry file : files) {
            Optional<ScanEntry> cached =
                tx.scanCache().find(file.key(), file.size(), file.mtimeMs());
            if (cached.isEmpty()) {
              unknown.add(file);
              continue;
            }
            Fingerprint fp = new Fingerprint(cached.get().sha256(), cached.get().mimeType(), true);
            decided.add(
                new Decided(
                    file, planner.plan(tx, sessionId, file, fp, chats.route(tx, file, fp))));
          }
        });
    decided.forEach(d -> note(d.file().where(), d.decision()));
    return new Known(decided, unknown);
  }

  /**
   * Fingerprints a file the scan cache does not know (one read) and plans it, with the scan cache
   * update, in one transaction.
   *
   * @return the decision, or empty when the file is finished already (unreadable, run stopping)
   */
  Optional<Planner.Decision> planRead(MediaEntry file, long sessionId) {
    String where = file.where();
    if (control.isStopping()) {
      stats.finished(where, Outcome.DEFERRED);
      return Optional.empty();
    }
    Fingerprint fp;
    try (MediaContent content = media.open(file.key())) {
      fp = hasher.fingerprint(content, file.name());
    } catch (IOException e) {
      if (control.isStopping()) {
        stats.finished(where, Outcome.DEFERRED);
      } else {
        failures.unreadable(where, e);
      }
      return Optional.empty();
    }
    Planner.Decision decision =
        db.inTransaction(
            tx -> {
              tx.scanCache()
                  .putAll(
                      List.of(
                          new ScanEntry(
                              file.key(),
                              file.size(),
                              file.mtimeMs(),
                              fp.sha256(),
                              fp.mimeType())));
              return planner.plan(tx, sessionId, file, fp, chats.route(tx, file, fp));
            });
    note(where, decision);
    return Optional.of(decision);
  }

  /** Tells the listener what was decided (a dry run prints it, one line per file). */
  void note(String where, Planner.Decision decision) {
    if (decision instanceof Planner.Done done) {
      stats.decided(where, new Plan(done.outcome(), Optional.empty(), done.duplicateOf()));
      return;
    }
    UploadItem item =
        decision instanceof Planner.Transfer t ? t.item() : ((Planner.Commit) decision).item();
    stats.decided(
        where,
        new Plan(
            Outcome.PLANNED,
            Optional.of(new Route(item.service(), item.container(), item.remoteName())),
            Optional.empty()));
  }

  /** A listing entry for an item planned earlier (resume, re-hash). */
  static MediaEntry entryOf(UploadItem item) {
    String key = item.sourceKey();
    String name = key.substring(Math.max(key.lastIndexOf('/'), key.lastIndexOf(':')) + 1);
    String folder =
        item.container().startsWith(Router.DRIVE_ROOT_FOLDER + "/")
            ? item.container().substring(Router.DRIVE_ROOT_FOLDER.length() + 1)
            : item.container();
    return new MediaEntry(key, name, folder, item.size(), item.mtimeMs());
  }
}
