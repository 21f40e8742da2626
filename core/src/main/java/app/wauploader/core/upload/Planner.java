package app.wauploader.core.upload;

import app.wauploader.core.hash.Fingerprint;
import app.wauploader.core.plan.Route;
import app.wauploader.core.scan.MediaFile;
import app.wauploader.db.NewUploadItem;
import app.wauploader.db.Transaction;
import app.wauploader.db.UploadItem;
import app.wauploader.domain.ItemState;
import app.wauploader.domain.Service;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Decides, inside one transaction, what a fingerprinted file needs: nothing (duplicate, unchanged,
 * empty), a transfer (new, resumed, or re-planned because the content changed), or only a commit
 * (Photos bytes already uploaded). Dedup is by SHA-256 against {@code file_hashes} and against live
 * upload items, so twins in one run are sent once.
 */
final class Planner {
  /** What to do with a file. */
  sealed interface Decision {}

  /** Transfer (start or resume) this item. */
  record Transfer(UploadItem item) implements Decision {}

  /** Bytes are uploaded; only the commit (Photos batchCreate) is missing. */
  record Commit(UploadItem item) implements Decision {}

  /** Nothing to send. */
  record Done(Outcome outcome) implements Decision {}

  private final LockOwner owner;
  private final long lockTimeoutMs;

  /**
   * @param owner this run, which takes the lock of every item it works on
   * @param lockTimeoutMs a lock whose heartbeat is older than this is stale
   */
  Planner(LockOwner owner, long lockTimeoutMs) {
    this.owner = owner;
    this.lockTimeoutMs = lockTimeoutMs;
  }

  Decision plan(Transaction tx, long sessionId, MediaFile file, Fingerprint fp, Route route)
      throws SQLException {
    String path = file.path().toString();
    Optional<UploadItem> existing = tx.items().findByPath(path);
    if (existing.isPresent() && existing.get().sha256().equals(fp.sha256())) {
      UploadItem item = existing.get();
      switch (item.state()) {
        case COMMITTED:
          return done(tx, sessionId, Outcome.UNCHANGED);
        case PENDING:
        case UPLOADING:
        case UPLOADED:
        case RETRYING:
        case PAUSED:
          if (item.mtimeMs() != file.mtimeMs() && claim(tx, item.id())) {
            tx.items().refreshMtime(item.id(), file.mtimeMs());
          }
          return resume(tx, sessionId, item);
        case SKIPPED_DUPLICATE:
          if (owned(tx, fp.sha256(), path)) {
            return done(tx, sessionId, Outcome.UNCHANGED);
          }
          break; // its twin is gone or failed: this file takes over
        case FAILED:
          break; // a new run tries again
        default:
          throw new IllegalStateException("unknown state " + item.state());
      }
    }
    if (file.size() == 0) {
      return done(tx, sessionId, Outcome.SKIPPED);
    }
    boolean duplicate = owned(tx, fp.sha256(), path);
    Route unique = duplicate ? route : uniqueName(tx, route, fp.sha256());
    NewUploadItem planned =
        new NewUploadItem(
            sessionId,
            path,
            fp.sha256(),
            file.size(),
            file.mtimeMs(),
            fp.mimeType(),
            unique.service(),
            unique.container(),
            unique.remoteName(),
            duplicate ? ItemState.SKIPPED_DUPLICATE : ItemState.PENDING);
    long id;
    if (existing.isPresent()) {
      id = existing.get().id();
      if (!claim(tx, id)) {
        return new Done(Outcome.LOCKED);
      }
      tx.items().replan(id, planned);
    } else {
      id = tx.items().insert(planned);
    }
    if (duplicate) {
      tx.items().release(id, owner.id());
      return done(tx, sessionId, Outcome.DUPLICATE);
    }
    claim(tx, id);
    return new Transfer(tx.items().find(id).orElseThrow());
  }

  /**
   * An open item to continue: nothing yet if it waits for its time (retrying, paused) or another
   * live process holds it; else locked for this run, woken, attached to the session.
   */
  Decision resume(Transaction tx, long sessionId, UploadItem item) throws SQLException {
    boolean waiting = item.state() == ItemState.RETRYING || item.state() == ItemState.PAUSED;
    if (waiting && item.nextAttemptAt().map(at -> at.toEpochMilli() > tx.nowMs()).orElse(false)) {
      return new Done(Outcome.DEFERRED);
    }
    if (!claim(tx, item.id())) {
      return new Done(Outcome.LOCKED);
    }
    if (waiting) {
      tx.items().wake(item.id());
    }
    tx.items().attachToSession(item.id(), sessionId);
    UploadItem current = tx.items().find(item.id()).orElseThrow();
    return current.state() == ItemState.UPLOADED ? new Commit(current) : new Transfer(current);
  }

  /**
   * Takes an item's lock for this run: free, ours, stale (no heartbeat for the lock timeout), or
   * held by a process of this host that no longer exists.
   */
  private boolean claim(Transaction tx, long id) throws SQLException {
    long staleBefore = tx.nowMs() - lockTimeoutMs;
    Optional<String> holder = tx.items().lockOwner(id);
    if (holder.isPresent() && !holder.get().equals(owner.id())) {
      Optional<LockOwner> other = LockOwner.parse(holder.get());
      if (other.isPresent() && owner.seesDead(other.get())) {
        staleBefore = Long.MAX_VALUE;
      }
    }
    return tx.items().claim(id, owner.id(), staleBefore);
  }

  /** True if the content is already uploaded, or owned by a live item of another path. */
  private static boolean owned(Transaction tx, String sha256, String path) throws SQLException {
    if (tx.fileHashes().find(sha256).isPresent()) {
      return true;
    }
    Optional<UploadItem> live = tx.items().findLiveBySha256(sha256);
    return live.isPresent() && !live.get().sourcePath().equals(path);
  }

  /**
   * Drive allows two files of one name in a folder, which users then have to clean up: a name
   * already used there by other content gets the first 8 hex digits of its SHA-256 appended, {@code
   * IMG-1.jpg} → {@code IMG-1 (3fa2b4c1).jpg}.
   */
  private static Route uniqueName(Transaction tx, Route route, String sha256) throws SQLException {
    if (route.service() != Service.DRIVE
        || !tx.items().nameTaken(route.service(), route.container(), route.remoteName(), sha256)) {
      return route;
    }
    String name = route.remoteName();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    return new Route(
        route.service(), route.container(), base + " (" + sha256.substring(0, 8) + ")" + extension);
  }

  private static Done done(Transaction tx, long sessionId, Outcome outcome) throws SQLException {
    int duplicate = outcome == Outcome.DUPLICATE || outcome == Outcome.UNCHANGED ? 1 : 0;
    tx.sessions().addCounts(sessionId, 1, 0, duplicate, 0, 0);
    return new Done(outcome);
  }
}
