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
    String where = file.where();
    if (control.isStopping()) {
      stats.finished(where, Outcome.DEFERRED);
      return Optional.empty();
    }
    // An unchanged file (scan cache hit) is planned in the same transaction as the lookup: one
    // database round trip per file on a re-run.
    Optional<Planner.Decision> known =
        db.inTransaction(
            tx -> {
              Optional<ScanEntry> cached =
                  tx.scanCache().find(file.key(), file.size(), file.mtimeMs());
              if (cached.isEmpty()) {
                return Optional.empty();
              }
              Fingerprint fp =
                  new Fingerprint(cached.get().sha256(), cached.get().mimeType(), true);
              return Optional.of(planner.plan(tx, sessionId, file, fp, chats.route(tx, file, fp)));
            });
    Planner.Decision decision;
    if (known.isPresent()) {
      decision = known.get();
    } else {
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
      decision =
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
    }
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
