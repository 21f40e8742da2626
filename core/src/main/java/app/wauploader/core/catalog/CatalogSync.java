package app.wauploader.core.catalog;

import app.wauploader.core.retry.TargetException;
import app.wauploader.db.CatalogDeviceRepository;
import app.wauploader.db.Database;
import app.wauploader.domain.FailureReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps one database's catalog and the catalogs in a {@link CatalogStore} in step: before a run it
 * merges every other device's catalog that is newer than the one it merged last (on an empty
 * database: all of them), after a run it saves a new version when the catalog changed. A failure to
 * reach the store never fails the run: it becomes one line, and the next run tries again (the local
 * catalog is the database, nothing of it is lost).
 */
public final class CatalogSync {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CatalogSync.class);

  /** The words for a sign-in that lacks the {@code drive.appdata} scope. */
  public static final String SIGN_IN_AGAIN = "sign in again to save the catalog in Google Drive";

  /**
   * Heap a merge takes per content, bytes: the file and its rows are in memory while merged (a
   * catalog of 100,000 contents merges in 128 MiB, not in 64). A catalog too large for the heap
   * left is not merged, with one line, instead of running out of memory.
   */
  static final long HEAP_PER_CONTENT = 800;

  private final Database db;
  private final CatalogStore store;
  private final String deviceName;

  /**
   * @param deviceName this device's name as other devices will show it (a phone model, a host)
   */
  public CatalogSync(Database db, CatalogStore store, String deviceName) {
    this.db = db;
    this.store = store;
    this.deviceName = deviceName;
  }

  /**
   * What a merge found.
   *
   * @param merged one result per catalog merged, oldest saved first
   * @param notes one line per catalog refused or per failure to reach the store
   */
  public record Merged(List<CatalogMerge.Result> merged, List<String> notes) {}

  /** This database's device (made with a random id on first use). */
  public CatalogDeviceRepository.Device self() {
    return db.inTransaction(
        tx -> {
          Optional<CatalogDeviceRepository.Device> self = tx.catalogDevices().self();
          return self.isPresent()
              ? self.get()
              : tx.catalogDevices().createSelf(UUID.randomUUID().toString(), deviceName);
        });
  }

  /**
   * Merges the newest readable catalog of every other device that this database has not merged yet.
   * Never throws for the store: a failure is a note.
   */
  public Merged mergeNewer() {
    List<String> notes = new ArrayList<>();
    try {
      return merge(false, notes);
    } catch (TargetException e) {
      notes.add(unreachable("not merged", e));
    } catch (RuntimeException e) {
      if (e instanceof app.wauploader.db.DatabaseException) {
        throw e;
      }
      LOG.warn("catalog merge failed", e);
      notes.add("catalog not merged: " + e);
    }
    return new Merged(List.of(), notes);
  }

  /**
   * Merges the newest readable catalog of every device, even those merged before and this
   * database's own (what a restore does; merging is idempotent).
   *
   * @throws TargetException if the store cannot be listed or read (classified)
   */
  public Merged mergeAll() throws TargetException {
    return merge(true, new ArrayList<>());
  }

  private Merged merge(boolean all, List<String> notes) throws TargetException {
    List<CatalogMerge.Result> merged = new ArrayList<>();
    CatalogDeviceRepository.Device self = self();
    Map<String, List<CatalogStore.Saved>> byDevice = new LinkedHashMap<>();
    for (CatalogStore.Saved s : store.list()) {
      if (all || !s.deviceId().equals(self.id())) {
        byDevice.computeIfAbsent(s.deviceId(), k -> new ArrayList<>()).add(s);
      }
    }
    for (List<CatalogStore.Saved> versions : byDevice.values()) {
      versions.sort(Comparator.comparingLong(CatalogStore.Saved::version).reversed());
      long known =
          all
              ? 0
              : db.read(tx -> tx.catalogDevices().device(versions.get(0).deviceId()))
                  .map(CatalogDeviceRepository.Device::version)
                  .orElse(0L);
      for (CatalogStore.Saved version : versions) {
        if (version.version() <= known) {
          break;
        }
        Optional<CatalogMerge.Result> result = mergeOne(version, notes);
        if (result.isPresent()) {
          merged.add(result.get());
          break;
        }
      }
    }
    merged.sort(Comparator.comparing(CatalogMerge.Result::savedAt));
    return new Merged(merged, notes);
  }

  private Optional<CatalogMerge.Result> mergeOne(CatalogStore.Saved saved, List<String> notes)
      throws TargetException {
    String who = who(saved);
    long need = saved.contents() * HEAP_PER_CONTENT;
    Runtime heap = Runtime.getRuntime();
    long free = heap.maxMemory() - (heap.totalMemory() - heap.freeMemory());
    if (need > free) {
      String line =
          String.format(
              java.util.Locale.ROOT,
              "not merged the catalog saved by %s: its %,d contents need about %d MiB of memory,"
                  + " this process has %d MiB free; start it once with a larger heap",
              who,
              saved.contents(),
              need >> 20,
              free >> 20);
      LOG.warn(line);
      notes.add(line);
      return Optional.empty();
    }
    try {
      Catalog catalog = CatalogFormat.read(store.read(saved));
      if (!catalog.deviceId().equals(saved.deviceId())) {
        throw new CatalogException("it names another device (" + catalog.deviceId() + ")");
      }
      CatalogMerge.accept(catalog);
      CatalogMerge.Result result =
          db.inTransaction(
              tx -> {
                CatalogMerge.Result r = CatalogMerge.merge(tx, catalog);
                boolean own =
                    tx.catalogDevices()
                        .self()
                        .map(d -> d.id().equals(catalog.deviceId()))
                        .orElse(false);
                if (own) {
                  return r;
                }
                tx.catalogDevices()
                    .merged(
                        catalog.deviceId(),
                        catalog.deviceName(),
                        catalog.version(),
                        catalog.savedAt().toEpochMilli(),
                        catalog.contents().size());
                return r;
              });
      LOG.info(
          "merged the catalog of {} (version {}): {} contents, {} new, {} conflicts",
          who,
          catalog.version(),
          result.contents(),
          result.addedContents(),
          result.conflicts().size());
      return Optional.of(result);
    } catch (CatalogException e) {
      String line = "refused the catalog saved by " + who + ": " + e.getMessage();
      LOG.warn(line);
      notes.add(line);
      return Optional.empty();
    }
  }

  /**
   * Saves a new version of this database's catalog when it differs from the one saved last.
   *
   * @param now the time the catalog is saved at
   * @return a note when it was saved ({@code saved the catalog …}) or could not be; empty when
   *     nothing changed
   */
  public Optional<String> saveIfChanged(Instant now) {
    java.nio.file.Path file = null;
    try {
      CatalogDeviceRepository.Device self = self();
      // Two integers say whether anything changed since the last save (migration 12's triggers).
      long generation = db.read(tx -> tx.catalogDevices().generation());
      if (db.read(tx -> tx.catalogDevices().savedGeneration())
          .filter(g -> g == generation)
          .isPresent()) {
        return Optional.empty();
      }
      CatalogFormat.Header header =
          new CatalogFormat.Header(
              CatalogFormat.FORMAT, self.id(), deviceName, self.version() + 1, now);
      java.nio.file.Path dir = db.file().toAbsolutePath().getParent();
      file = java.nio.file.Files.createTempFile(dir, ".catalog-", ".json.gz.partial");
      java.nio.file.Path target = file;
      CatalogFormat.Written written =
          db.read(
              tx -> {
                try (java.io.OutputStream out =
                    new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(target))) {
                  return CatalogFormat.write(header, new CatalogExport(tx), out);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      if (self.savedDigest().filter(written.digest()::equals).isPresent()) {
        // Rows were written again with the same values: the saved catalog is still this one.
        db.useTransaction(tx -> tx.catalogDevices().savedGeneration(generation));
        return Optional.empty();
      }
      long bytes = java.nio.file.Files.size(file);
      try (java.io.InputStream in =
          new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file))) {
        store.save(header, written.contents(), in, bytes);
      }
      db.useTransaction(
          tx -> {
            tx.catalogDevices()
                .savedSelf(
                    deviceName,
                    header.version(),
                    now.toEpochMilli(),
                    written.contents(),
                    written.digest());
            tx.catalogDevices().savedGeneration(generation);
          });
      String line =
          String.format(
              java.util.Locale.ROOT,
              "saved the catalog in Google Drive: %,d contents, %,d bytes",
              written.contents(),
              bytes);
      LOG.info(line);
      return Optional.of(line);
    } catch (TargetException e) {
      return Optional.of(unreachable("not saved", e));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      String line =
          "catalog not saved: cannot write its file next to the database: " + e.getMessage();
      LOG.warn(line, e);
      return Optional.of(line + "; tried again next run");
    } catch (RuntimeException e) {
      if (e instanceof app.wauploader.db.DatabaseException) {
        throw e;
      }
      LOG.warn("catalog save failed", e);
      return Optional.of("catalog not saved: " + e + "; tried again next run");
    } finally {
      if (file != null) {
        try {
          java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException ignored) {
          // a leftover temporary file next to the database; the next save makes a new one
        }
      }
    }
  }

  /**
   * A device sharing the catalog.
   *
   * @param self whether it is this database
   * @param version its newest catalog version known (0: it never saved one)
   * @param savedAt when that version was saved
   * @param contents how many contents it held
   * @param mergedAt when this database merged it last (never for itself)
   * @param inGoogle whether a catalog of it is in the store now (false when it could not be asked)
   */
  public record SharedDevice(
      String id,
      String name,
      boolean self,
      long version,
      Optional<Instant> savedAt,
      long contents,
      Optional<Instant> mergedAt,
      boolean inGoogle) {}

  /**
   * The devices sharing the catalog and the conflicts merges found.
   *
   * @param notes a line when the store could not be asked (the list is then this database's)
   */
  public record Devices(
      List<SharedDevice> devices,
      List<CatalogDeviceRepository.Conflict> conflicts,
      List<String> notes) {}

  /** The devices this database knows, completed by what the store holds now; never throws. */
  public Devices devices() {
    Map<String, SharedDevice> byId = new LinkedHashMap<>();
    List<CatalogDeviceRepository.Conflict> conflicts =
        db.read(
            tx -> {
              for (CatalogDeviceRepository.Device d : tx.catalogDevices().devices()) {
                byId.put(
                    d.id(),
                    new SharedDevice(
                        d.id(),
                        d.name(),
                        d.self(),
                        d.version(),
                        d.savedAt().map(Instant::ofEpochMilli),
                        d.contents(),
                        d.mergedAt().map(Instant::ofEpochMilli),
                        false));
              }
              return tx.catalogDevices().conflicts();
            });
    List<String> notes = new ArrayList<>();
    try {
      Map<String, CatalogStore.Saved> newest = new LinkedHashMap<>();
      for (CatalogStore.Saved s : store.list()) {
        newest.merge(s.deviceId(), s, (a, b) -> a.version() >= b.version() ? a : b);
      }
      for (CatalogStore.Saved s : newest.values()) {
        SharedDevice known = byId.get(s.deviceId());
        byId.put(
            s.deviceId(),
            new SharedDevice(
                s.deviceId(),
                s.deviceName().isEmpty() && known != null ? known.name() : s.deviceName(),
                known != null && known.self(),
                s.version(),
                Optional.of(s.savedAt()),
                s.contents(),
                known == null ? Optional.empty() : known.mergedAt(),
                true));
      }
    } catch (TargetException e) {
      notes.add(unreachable("devices not listed", e));
    }
    List<SharedDevice> devices = new ArrayList<>(byId.values());
    devices.sort(
        Comparator.comparing((SharedDevice d) -> !d.self())
            .thenComparing(SharedDevice::name)
            .thenComparing(SharedDevice::id));
    return new Devices(devices, conflicts, notes);
  }

  private static String who(CatalogStore.Saved saved) {
    return saved.deviceName().isEmpty() ? saved.deviceId() : saved.deviceName();
  }

  private static String unreachable(String what, TargetException e) {
    String line =
        e.reason() == FailureReason.SCOPE_MISSING || e.reason() == FailureReason.UNAUTHORIZED
            ? "catalog " + what + ": " + SIGN_IN_AGAIN + " (the sign-in lacks drive.appdata)"
            : "catalog " + what + " in Google Drive (" + e.getMessage() + "); tried again next run";
    LOG.warn(line);
    return line;
  }
}
