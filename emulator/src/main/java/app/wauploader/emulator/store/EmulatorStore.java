package app.wauploader.emulator.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * The emulator's persistent state in a data directory:
 *
 * <ul>
 *   <li>{@code state.json}: a snapshot of all metadata ({@link EmulatorState}), replaced atomically
 *       (write {@code state.json.tmp}, sync it, rename it over {@code state.json}, sync the
 *       directory);
 *   <li>{@code journal.jsonl}: one line per change since the snapshot, appended and synced before
 *       the change is answered. At start-up the journal is replayed onto the snapshot (a torn last
 *       line from a crash is dropped), and it is folded into a new snapshot at start-up, at close
 *       and whenever it outgrows the snapshot, so each change costs one small synced append rather
 *       than a rewrite of everything;
 *   <li>{@code blobs/}: uploaded bytes ({@link BlobStore}); an upload session's progress is its
 *       blob's length;
 *   <li>{@code .lock}: held while open, so two emulators cannot share a directory.
 * </ul>
 *
 * <p>Thread-safe: {@link #read} and {@link #write} run their callback under one lock.
 */
public final class EmulatorStore implements Closeable {
  private static final String SNAPSHOT = "state.json";
  private static final String JOURNAL = "journal.jsonl";
  private static final long MIN_COMPACTION_BYTES = 4L * 1024 * 1024;

  private final Path dataDir;
  private final EmulatorState state;
  private final BlobStore blobs;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final FileChannel journal;
  private final Gson gson;
  private final Object mutex = new Object();
  private long journalBytes;
  private long snapshotBytes;
  private boolean closed;

  private EmulatorStore(
      Path dataDir,
      EmulatorState state,
      BlobStore blobs,
      FileChannel lockChannel,
      FileLock lock,
      FileChannel journal,
      Gson gson) {
    this.dataDir = dataDir;
    this.state = state;
    this.blobs = blobs;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.journal = journal;
    this.gson = gson;
  }

  /**
   * Opens (creating if needed) the data directory, loads the snapshot, replays the journal, cuts
   * the blobs of unfinished uploads to a multiple of 256 KiB (what a broken connection would have
   * kept) and writes a fresh snapshot.
   *
   * @throws IOException when the directory is unusable, locked by another emulator, or holds an
   *     unreadable snapshot
   */
  public static EmulatorStore open(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    FileChannel lockChannel =
        FileChannel.open(
            dataDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockChannel.close();
      throw new IOException("data dir " + dataDir + " is in use by another emulator");
    }
    FileChannel journal = null;
    try {
      Gson gson =
          new GsonBuilder()
              .disableHtmlEscaping()
              .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
              .create();
      EmulatorState state = loadSnapshot(dataDir.resolve(SNAPSHOT), gson);
      replayJournal(dataDir.resolve(JOURNAL), state, gson);
      journal =
          FileChannel.open(
              dataDir.resolve(JOURNAL),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND);
      BlobStore blobs = new BlobStore(dataDir.resolve("blobs"));
      EmulatorStore store =
          new EmulatorStore(dataDir, state, blobs, lockChannel, lock, journal, gson);
      store.repairUnfinishedUploads();
      store.flush();
      return store;
    } catch (IOException | RuntimeException e) {
      if (journal != null) {
        journal.close();
      }
      lock.release();
      lockChannel.close();
      throw e;
    }
  }

  private static EmulatorState loadSnapshot(Path file, Gson gson) throws IOException {
    if (!Files.exists(file)) {
      return new EmulatorState(RandomIds.next("0A", 17));
    }
    try {
      JsonObject snapshot =
          JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
      int version = snapshot.has("formatVersion") ? snapshot.get("formatVersion").getAsInt() : 1;
      if (version > EmulatorState.FORMAT_VERSION) {
        throw new IOException(
            "emulator state " + file + " has format " + version + ", newer than this emulator");
      }
      EmulatorState state = new EmulatorState(snapshot.get("driveRootId").getAsString());
      JsonObject tables =
          snapshot.has("tables") ? snapshot.getAsJsonObject("tables") : new JsonObject();
      for (Table<?> table : state.tables()) {
        JsonObject rows = tables.getAsJsonObject(table.name());
        if (rows != null) {
          for (Map.Entry<String, JsonElement> row : rows.entrySet()) {
            loadRow(table, row.getKey(), row.getValue(), gson);
          }
        }
      }
      return state;
    } catch (JsonParseException | IllegalStateException | NullPointerException e) {
      throw new IOException("cannot read emulator state " + file + ": " + e, e);
    }
  }

  private static <V> void loadRow(Table<V> table, String key, JsonElement value, Gson gson) {
    table.load(key, value == null ? null : gson.fromJson(value, table.rowType()));
  }

  /** Applies complete journal lines in order; stops at the first torn or unreadable line. */
  private static void replayJournal(Path file, EmulatorState state, Gson gson) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int start = 0;
    int end;
    while ((end = text.indexOf('\n', start)) >= 0) {
      String line = text.substring(start, end);
      start = end + 1;
      if (line.isBlank()) {
        continue;
      }
      JsonArray changes;
      try {
        changes = JsonParser.parseString(line).getAsJsonObject().getAsJsonArray("changes");
      } catch (JsonParseException | IllegalStateException | NullPointerException e) {
        return;
      }
      for (JsonElement element : changes) {
        JsonObject change = element.getAsJsonObject();
        String tableName = change.get("t").getAsString();
        for (Table<?> table : state.tables()) {
          if (table.name().equals(tableName)) {
            loadRow(table, change.get("k").getAsString(), change.get("v"), gson);
          }
        }
      }
    }
  }

  private void repairUnfinishedUploads() throws IOException {
    for (DriveUploadSession session : state.driveSessions().values()) {
      if (session.completedFileId().isEmpty()) {
        repair(session.uploadId(), session.declaredLength());
      }
    }
    for (PhotosUploadSession session : state.photosSessions().values()) {
      if (session.status() == PhotosUploadStatus.ACTIVE) {
        repair(session.uploadId(), session.rawSize());
      }
    }
  }

  private void repair(String blobId, Long declared) throws IOException {
    long length = blobs.length(blobId);
    if (declared != null && length == declared) {
      return;
    }
    long kept = BlobStore.keptAfterDisconnect(0, length);
    if (kept != length) {
      blobs.truncate(blobId, kept);
    }
  }

  /** The data directory. */
  public Path dataDir() {
    return dataDir;
  }

  /** Blob storage. */
  public BlobStore blobs() {
    return blobs;
  }

  /** Runs {@code reader} under the lock; it must not change the state. */
  public <T> T read(Function<EmulatorState, T> reader) {
    synchronized (mutex) {
      return reader.apply(state);
    }
  }

  /**
   * Runs {@code writer} under the lock, then makes its changes durable (one synced journal line)
   * before returning. When {@code writer} throws, nothing is persisted (validate before mutating:
   * changes are not rolled back).
   *
   * @throws UncheckedIOException when the journal cannot be written
   */
  public <T> T write(Function<EmulatorState, T> writer) {
    synchronized (mutex) {
      T result = writer.apply(state);
      try {
        journalChanges();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write emulator state: " + e.getMessage(), e);
      }
      return result;
    }
  }

  private void journalChanges() throws IOException {
    JsonArray changes = new JsonArray();
    for (Table<?> table : state.tables()) {
      addChanges(table, changes);
    }
    if (changes.isEmpty()) {
      return;
    }
    if (closed) {
      throw new IOException("emulator store " + dataDir + " is closed");
    }
    JsonObject line = new JsonObject();
    line.add("changes", changes);
    byte[] bytes = (gson.toJson(line) + "\n").getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      journal.write(buffer);
    }
    journal.force(false);
    journalBytes += bytes.length;
    if (journalBytes > Math.max(MIN_COMPACTION_BYTES, snapshotBytes)) {
      compact();
    }
  }

  private <V> void addChanges(Table<V> table, JsonArray changes) {
    for (Map.Entry<String, V> change : table.drainChanges().entrySet()) {
      JsonObject json = new JsonObject();
      json.addProperty("t", table.name());
      json.addProperty("k", change.getKey());
      if (change.getValue() != null) {
        json.add("v", gson.toJsonTree(change.getValue(), table.rowType()));
      }
      changes.add(json);
    }
  }

  /** Writes a new snapshot with every change and empties the journal. */
  public void flush() throws IOException {
    synchronized (mutex) {
      journalChanges();
      compact();
    }
  }

  private void compact() throws IOException {
    if (closed) {
      throw new IOException("emulator store " + dataDir + " is closed");
    }
    writeSnapshot();
    journal.truncate(0);
    journal.force(true);
    journalBytes = 0;
  }

  private void writeSnapshot() throws IOException {
    JsonObject tables = new JsonObject();
    for (Table<?> table : state.tables()) {
      tables.add(table.name(), rowsJson(table));
    }
    JsonObject snapshot = new JsonObject();
    snapshot.addProperty("formatVersion", EmulatorState.FORMAT_VERSION);
    snapshot.addProperty("driveRootId", state.driveRootId());
    snapshot.add("tables", tables);
    byte[] json =
        new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .create()
            .toJson(snapshot)
            .getBytes(StandardCharsets.UTF_8);
    Path target = dataDir.resolve(SNAPSHOT);
    Path temp = dataDir.resolve(SNAPSHOT + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(json);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDirectory();
    snapshotBytes = json.length;
  }

  private <V> JsonObject rowsJson(Table<V> table) {
    JsonObject rows = new JsonObject();
    for (Map.Entry<String, V> row : table.rows().entrySet()) {
      rows.add(row.getKey(), gson.toJsonTree(row.getValue(), table.rowType()));
    }
    return rows;
  }

  private void syncDirectory() {
    try (FileChannel dir = FileChannel.open(dataDir, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a directory; the rename is still atomic there.
    }
  }

  /** Writes a last snapshot and releases the directory lock. Idempotent. */
  @Override
  public void close() throws IOException {
    synchronized (mutex) {
      if (closed) {
        return;
      }
      try {
        journalChanges();
        compact();
      } finally {
        closed = true;
        journal.close();
        lock.release();
        lockChannel.close();
      }
    }
  }

  private static final class InstantAdapter extends TypeAdapter<Instant> {
    @Override
    public void write(JsonWriter out, Instant value) throws IOException {
      out.value(value.toString());
    }

    @Override
    public Instant read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      return Instant.parse(in.nextString());
    }
  }
}
