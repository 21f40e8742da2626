package app.wauploader.core.app;

import app.wauploader.core.auth.SignInRequiredException;
import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.hash.Sha256;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.source.SourceKeys;
import app.wauploader.core.target.StoredItem;
import app.wauploader.core.target.Target;
import app.wauploader.db.Database;
import app.wauploader.db.FreedFile;
import app.wauploader.db.UploadedFile;
import app.wauploader.db.migration.Migrations;
import app.wauploader.domain.Service;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Frees space on the phone: deletes local files whose content is safely in Google, and nothing
 * else. A file is deleted only if (a) its content's upload is committed ({@code file_hashes}), (b)
 * Google confirms it now ({@link Target#stored}: Drive's {@code sha256Checksum} must equal the
 * content; Photos must still return the media item — it reports no checksum, so the commit record
 * and the item's presence stand for it), (c) the file is older than {@link Options#olderThan()} by
 * its mtime (when it arrived on the phone), (d) no transfer of that content is open or locked, and
 * (e) its bytes, read again just before, still hash to that content. Twins (one content under
 * several names) are all freed once the content is confirmed. Without {@link Options#apply()}
 * nothing is touched. Every deletion is journaled in {@code freed_files}.
 */
public final class FreeUp {
  private final BackupEnvironment env;

  public FreeUp(BackupEnvironment env) {
    this.env = env;
  }

  /**
   * @param olderThan only files whose mtime is at least this long ago (WhatsApp users often
   *     re-share recent media); ≥ 0
   * @param apply true to delete; false for a dry run that only reports
   * @param within only files under these folders; empty for every file the database knows
   */
  public record Options(Duration olderThan, boolean apply, List<Path> within) {}

  /** What happened to (or would happen to) one file. */
  public enum Decision {
    /** Deleted (with {@code apply}). */
    FREED,
    /** Would be deleted (a dry run). */
    WOULD_FREE,
    /** Kept: its mtime is too recent. */
    KEPT_TOO_NEW,
    /** Kept: it no longer holds the content that was uploaded (or is gone already). */
    KEPT_CHANGED,
    /** Kept: Google no longer has the item (deleted by the user, or in Drive's trash). */
    KEPT_GONE_FROM_GOOGLE,
    /** Kept: Google's copy has other bytes than the file (Drive checksum). */
    KEPT_DIFFERS_IN_GOOGLE,
    /** Kept: a transfer of this content is open or held by a running process. */
    KEPT_IN_TRANSFER,
    /** Kept: Google could not be asked now (network, sign-in, quota): try again later. */
    NOT_CONFIRMED,
    /** The deletion itself failed (permissions, a read-only folder). */
    DELETE_FAILED;

    /** True for the outcomes that mean the command did not do what it was asked. */
    public boolean failed() {
      return this == NOT_CONFIRMED || this == DELETE_FAILED;
    }
  }

  /**
   * One file's outcome.
   *
   * @param path the local file
   * @param size bytes (as last scanned)
   * @param sha256 its content
   * @param service where the content is in Google
   * @param remoteId the Drive file id or Photos media item id
   * @param detail why, in words (for kept and failed files), else empty
   */
  public record Entry(
      Path path,
      long size,
      String sha256,
      Service service,
      String remoteId,
      Decision decision,
      String detail) {}

  /**
   * Looks at every local file the database knows whose content is uploaded and frees (or, in a dry
   * run, lists) those that are safe to delete.
   *
   * @return one entry per file, in path order; empty when there is no database yet
   * @throws SignInRequiredException if Google must be asked and there is no usable sign-in
   * @throws InterruptedException if interrupted; what was freed so far stays journaled
   */
  public List<Entry> run(Options options) throws IOException, InterruptedException {
    if (!Files.exists(env.database())) {
      return List.of();
    }
    try (Database db = Database.open(env.database(), Migrations.all(), env.clock())) {
      List<UploadedFile> candidates = db.read(tx -> tx.freedFiles().candidates());
      Instant cutoff = env.clock().instant().minus(options.olderThan());
      Map<Service, Target> targets = null;
      Map<String, Entry> confirmed = new HashMap<>();
      List<Entry> out = new ArrayList<>();
      for (UploadedFile c : candidates) {
        Path path = Paths.get(SourceKeys.display(c.entry().sourceKey()));
        if (!within(path, options.within())) {
          continue;
        }
        Entry base =
            new Entry(
                path,
                c.entry().size(),
                c.entry().sha256(),
                c.service(),
                c.remoteId(),
                Decision.WOULD_FREE,
                "");
        if (!Files.isRegularFile(path)) {
          continue; // gone already (deleted by the user or an earlier free-up): nothing to free
        }
        if (c.inTransfer()) {
          out.add(kept(base, Decision.KEPT_IN_TRANSFER, "a transfer of this content is open"));
          continue;
        }
        if (Files.getLastModifiedTime(path).toInstant().isAfter(cutoff)) {
          out.add(kept(base, Decision.KEPT_TOO_NEW, "newer than " + options.olderThan()));
          continue;
        }
        if (targets == null) {
          env.tokens().current(); // signed out: SignInRequiredException before Google is asked
          targets = env.targets().create(db, GoogleHttp.create(env.tokens(), env.endpoints()));
        }
        Entry remote = confirmed.get(c.entry().sha256());
        if (remote == null) {
          remote = confirm(targets.get(c.service()), base);
          confirmed.put(c.entry().sha256(), remote);
        }
        if (remote.decision() != Decision.WOULD_FREE) {
          out.add(kept(base, remote.decision(), remote.detail()));
          continue;
        }
        if (!c.entry().sha256().equals(sha256(path))) {
          out.add(kept(base, Decision.KEPT_CHANGED, "its bytes are no longer the uploaded ones"));
          continue;
        }
        out.add(options.apply() ? delete(db, base, c) : base);
      }
      return out;
    }
  }

  /** The newest {@code limit} deletions, newest first; empty when there is no database yet. */
  public List<FreedFile> log(int limit) {
    if (!Files.exists(env.database())) {
      return List.of();
    }
    try (Database db = Database.open(env.database(), Migrations.all(), env.clock())) {
      return db.read(tx -> tx.freedFiles().latest(limit));
    }
  }

  private static Entry confirm(Target target, Entry base) throws InterruptedException {
    try {
      Optional<StoredItem> stored = target.stored(base.remoteId());
      if (stored.isEmpty()) {
        return kept(base, Decision.KEPT_GONE_FROM_GOOGLE, "Google no longer has it");
      }
      if (stored.get().sha256().isPresent()
          && !stored.get().sha256().get().equalsIgnoreCase(base.sha256())) {
        return kept(
            base,
            Decision.KEPT_DIFFERS_IN_GOOGLE,
            "Google's copy hashes to " + stored.get().sha256().get());
      }
      return base;
    } catch (TargetException e) {
      return kept(base, Decision.NOT_CONFIRMED, "Google could not be asked: " + e.getMessage());
    }
  }

  private Entry delete(Database db, Entry base, UploadedFile c) {
    try {
      long mtime = Files.getLastModifiedTime(base.path()).toMillis();
      Files.delete(base.path());
      db.useTransaction(
          tx -> {
            tx.freedFiles()
                .record(
                    new FreedFile(
                        c.entry().sourceKey(),
                        base.size(),
                        mtime,
                        base.sha256(),
                        base.service(),
                        base.remoteId(),
                        env.clock().instant()));
            tx.scanCache().forget(c.entry().sourceKey());
          });
      return kept(base, Decision.FREED, "");
    } catch (NoSuchFileException gone) {
      return kept(base, Decision.KEPT_CHANGED, "it disappeared before it could be deleted");
    } catch (IOException e) {
      return kept(base, Decision.DELETE_FAILED, "cannot delete it: " + e.getMessage());
    }
  }

  private static Entry kept(Entry base, Decision decision, String detail) {
    return new Entry(
        base.path(), base.size(), base.sha256(), base.service(), base.remoteId(), decision, detail);
  }

  private static boolean within(Path path, List<Path> roots) {
    if (roots.isEmpty()) {
      return true;
    }
    for (Path root : roots) {
      if (path.startsWith(root.toAbsolutePath().normalize())) {
        return true;
      }
    }
    return false;
  }

  private static String sha256(Path path) throws IOException {
    MessageDigest digest = Sha256.newDigest();
    byte[] buffer = new byte[256 * 1024];
    try (InputStream in = Files.newInputStream(path)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return Sha256.hex(digest.digest());
  }
}
