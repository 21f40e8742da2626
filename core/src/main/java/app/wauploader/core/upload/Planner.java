package app.wauploader.core.upload;

import app.wauploader.core.hash.Fingerprint;
import app.wauploader.core.plan.Route;
import app.wauploader.core.source.MediaEntry;
import app.wauploader.core.source.SourceKeys;
import app.wauploader.core.target.TargetTraits;
import app.wauploader.db.FileHash;
import app.wauploader.db.NewUploadItem;
import app.wauploader.db.Transaction;
import app.wauploader.db.UploadItem;
import app.wauploader.domain.FailureReason;
import app.wauploader.domain.ItemState;
import app.wauploader.domain.Service;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, inside one transaction, what a fingerprinted file needs: nothing (duplicate, unchanged,
 * empty, still waiting), a transfer (new, resumed, or re-planned because the content changed), or
 * only a commit (bytes already uploaded, the receipt waits for its commit). Dedup is by SHA-256
 * against {@code file_hashes} and against live upload items, so twins in one run are sent once. A
 * dry run uses the same rules over a snapshot of the database that is never written back.
 */
final class Planner {
  /** What to do with a file. */
  sealed interface Decision {}

  /** Transfer (start or resume) this item. */
  record Transfer(UploadItem item) implements Decision {}

  /** Bytes are uploaded; only the commit (Photos batchCreate) is missing. */
  record Commit(UploadItem item) implements Decision {}

  /**
   * Nothing to send now.
   *
   * @param duplicateOf where the content already is (for duplicates and unchanged files)
   * @param waiting for {@link Outcome#WAITING}: why and until when
   */
  record Done(Outcome outcome, Optional<String> duplicateOf, Optional<RunSummary.Wait> waiting)
      implements Decision {
    Done(Outcome outcome) {
      this(outcome, Optional.empty(), Optional.empty());
    }
  }

  private final java.util.Set<Service> services;
  private final LockOwner owner;
  private final long lockTimeoutMs;
  private final Map<Service, TargetTraits> traits;
  private final boolean ignoreWaits;

  /**
   * @param options the run's owner (it takes the lock of every item it works on), lock timeout (a
   *     lock whose heartbeat is older is stale), {@code now} (try waiting items at once, the user's
   *     explicit choice) and services (files routed elsewhere are skipped)
   * @param traits the traits of each service's target (unique names)
   */
  Planner(UploadOptions options, Map<Service, TargetTraits> traits) {
    this.services = java.util.EnumSet.copyOf(options.services());
    this.owner = options.owner();
    this.lockTimeoutMs = options.lockTimeout().toMillis();
    this.traits = Map.copyOf(traits);
    this.ignoreWaits = options.now();
  }

  Decision plan(Transaction tx, long sessionId, MediaEntry file, Fingerprint fp, Route route)
      throws SQLException {
    if (!services.contains(route.service())) {
      return done(tx, sessionId, file.where(), Outcome.SKIPPED, Optional.empty());
    }
    String key = file.key();
    Optional<UploadItem> existing = tx.items().findByKey(key);
    if (existing.isPresent() && existing.get().sha256().equals(fp.sha256())) {
      UploadItem item = existing.get();
      switch (item.state()) {
        case COMMITTED:
          return done(tx, sessionId, file.where(), Outcome.UNCHANGED, Optional.of(file.where()));
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
          Optional<String> uploadedFrom = uploadedFrom(tx, fp.sha256());
          if (uploadedFrom.isPresent()) {
            return done(tx, sessionId, file.where(), Outcome.UNCHANGED, uploadedFrom);
          }
          Optional<UploadItem> twin = liveTwin(tx, fp.sha256(), key);
          if (twin.isPresent()) {
            return twinDecision(tx, sessionId, file.where(), twin.get());
          }
          break; // its twin is gone or failed: this file takes over
        case FAILED:
          break; // a new run tries again
        default:
          throw new IllegalStateException("unknown state " + item.state());
      }
    }
    if (file.size() == 0) {
      return done(tx, sessionId, file.where(), Outcome.SKIPPED, Optional.empty());
    }
    Optional<String> uploadedFrom = uploadedFrom(tx, fp.sha256());
    Optional<UploadItem> twin =
        uploadedFrom.isPresent() ? Optional.empty() : liveTwin(tx, fp.sha256(), key);
    boolean duplicate = uploadedFrom.isPresent() || twin.isPresent();
    Route unique = duplicate ? route : uniqueName(tx, route, fp.sha256(), key);
    NewUploadItem planned =
        new NewUploadItem(
            sessionId,
            key,
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
      tx.itemLocks().release(id, owner.id());
      return twin.isPresent()
          ? twinDecision(tx, sessionId, file.where(), twin.get())
          : done(tx, sessionId, file.where(), Outcome.DUPLICATE, uploadedFrom);
    }
    claim(tx, id);
    return new Transfer(tx.items().find(id).orElseThrow());
  }

  /**
   * An open item to continue: nothing yet if it waits for its time (retrying, paused; unless waits
   * are ignored) or another live process holds it; else locked for this run, woken, attached to the
   * session.
   */
  Decision resume(Transaction tx, long sessionId, UploadItem item) throws SQLException {
    boolean waiting = item.state() == ItemState.RETRYING || item.state() == ItemState.PAUSED;
    Optional<Instant> until = item.nextAttemptAt().filter(at -> at.toEpochMilli() > tx.nowMs());
    if (waiting && until.isPresent() && !ignoreWaits) {
      FailureReason reason =
          item.waitReason()
              .orElse(
                  item.state() == ItemState.PAUSED
                      ? FailureReason.DAILY_QUOTA
                      : FailureReason.SERVER);
      return new Done(
          Outcome.WAITING,
          Optional.empty(),
          Optional.of(
              new RunSummary.Wait(
                  item.service(), reason, until.get(), 1, "waiting since an earlier run")));
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
    Optional<String> holder = tx.itemLocks().lockOwner(id);
    if (holder.isPresent() && !holder.get().equals(owner.id())) {
      Optional<LockOwner> other = LockOwner.parse(holder.get());
      if (other.isPresent() && owner.seesDead(other.get())) {
        staleBefore = Long.MAX_VALUE;
      }
    }
    return tx.itemLocks().claim(id, owner.id(), staleBefore);
  }

  /** The file the content was uploaded from ({@code file_hashes}), if it is in Google. */
  private static Optional<String> uploadedFrom(Transaction tx, String sha256) throws SQLException {
    Optional<FileHash> uploaded = tx.fileHashes().find(sha256);
    return uploaded.map(FileHash::filePath);
  }

  /** The live item of another file that owns the upload of this content, if any. */
  private static Optional<UploadItem> liveTwin(Transaction tx, String sha256, String key)
      throws SQLException {
    return tx.items().findLiveBySha256(sha256).filter(i -> !i.sourceKey().equals(key));
  }

  /**
   * A file whose content another file's item owns: a duplicate when that item is committed or this
   * run sends it; else what that item needs — it waits (the file waits with it), another live
   * process holds it (locked), or it is taken into this run (transfer or commit), so no content is
   * reported safe before it is in Google.
   */
  private Decision twinDecision(Transaction tx, long sessionId, String fileWhere, UploadItem twin)
      throws SQLException {
    String where = SourceKeys.display(twin.sourceKey());
    Optional<String> holder = tx.itemLocks().lockOwner(twin.id());
    if (twin.state() == ItemState.COMMITTED
        || (holder.isPresent() && holder.get().equals(owner.id()))) {
      return done(tx, sessionId, fileWhere, Outcome.DUPLICATE, Optional.of(where));
    }
    return resume(tx, sessionId, twin);
  }

  /**
   * For targets that need unique names (Drive allows two files of one name in a folder, which users
   * then have to clean up): a name already used there by other content of another file gets the
   * first 8 hex digits of its SHA-256 appended, {@code IMG-1.jpg} → {@code IMG-1 (3fa2b4c1).jpg}.
   */
  private Route uniqueName(Transaction tx, Route route, String sha256, String key)
      throws SQLException {
    TargetTraits t = traits.get(route.service());
    if (t == null
        || !t.uniqueNames()
        || !tx.items()
            .nameTaken(route.service(), route.container(), route.remoteName(), sha256, key)) {
      return route;
    }
    String name = route.remoteName();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    return new Route(
        route.service(), route.container(), base + " (" + sha256.substring(0, 8) + ")" + extension);
  }

  private static Done done(
      Transaction tx, long sessionId, String where, Outcome outcome, Optional<String> duplicateOf)
      throws SQLException {
    int duplicate = outcome == Outcome.DUPLICATE || outcome == Outcome.UNCHANGED ? 1 : 0;
    tx.sessions().addCounts(sessionId, where, 1, 0, duplicate, 0, 0);
    return new Done(outcome, duplicateOf, Optional.empty());
  }
}
