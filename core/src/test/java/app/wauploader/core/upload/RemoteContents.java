package app.wauploader.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.target.memory.InMemoryTarget;
import app.wauploader.db.Database;
import app.wauploader.db.FileHash;
import app.wauploader.domain.Service;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which local content each emulator item holds, by way of what the database recorded: an item this
 * app committed has a {@code file_hashes} row naming it, and its stored bytes must hash to the
 * row's {@code sent_sha256} (a dated copy) or, when the file's own bytes were sent, to the local
 * hash. An item no row names counts as its own bytes' hash (so a stray or doubled item still
 * shows).
 */
public final class RemoteContents {
  private RemoteContents() {}

  /** The local SHA-256 behind {@code item}, checking the bytes Google holds against the record. */
  public static String localSha256(Database db, JsonObject item) {
    return localSha256(
        db,
        Service.fromId(item.get("service").getAsString()),
        item.get("id").getAsString(),
        item.get("sha256").getAsString());
  }

  /**
   * The local SHA-256 behind remote item {@code id} whose bytes hash to {@code stored}, checked
   * against the record.
   */
  public static String localSha256(Database db, Service service, String id, String stored) {
    Optional<FileHash> row = db.read(tx -> tx.fileHashes().findByUploadId(service, id));
    if (row.isEmpty()) {
      return stored;
    }
    assertThat(stored)
        .as("bytes stored for %s", row.get().fileName())
        .isEqualTo(row.get().sentSha256().orElse(row.get().hash()));
    return row.get().hash();
  }

  /** How many emulator items hold each local content. */
  public static Map<String, Integer> copies(Database db, JsonArray items) {
    Map<String, Integer> copies = new HashMap<>();
    for (JsonElement e : items) {
      copies.merge(localSha256(db, e.getAsJsonObject()), 1, Integer::sum);
    }
    return copies;
  }

  /** As {@link #copies(Database, JsonArray)}, opening the database file {@code db}. */
  public static Map<String, Integer> copies(Path db, JsonArray items) {
    try (Database open = Database.open(db)) {
      return copies(open, items);
    }
  }

  /** The emulator item holding local content {@code sha256}; fails if there is none. */
  public static JsonObject withContent(Path db, JsonArray items, String sha256) {
    try (Database open = Database.open(db)) {
      for (JsonElement e : items) {
        if (localSha256(open, e.getAsJsonObject()).equals(sha256)) {
          return e.getAsJsonObject();
        }
      }
    }
    throw new AssertionError("no item with content " + sha256);
  }

  /**
   * How many of an in-memory target's items hold each local content, checked against the record.
   */
  public static Map<String, Integer> copies(Path db, InMemoryTarget target) {
    Map<String, Integer> copies = new HashMap<>();
    try (Database open = Database.open(db)) {
      for (InMemoryTarget.Item item : target.items()) {
        copies.merge(
            localSha256(open, target.service(), item.id(), item.sha256()), 1, Integer::sum);
      }
    }
    return copies;
  }

  /** The local contents behind the items of {@code targets}, checked against the record. */
  public static java.util.Set<String> localContents(Path db, InMemoryTarget... targets) {
    java.util.Set<String> contents = new java.util.HashSet<>();
    for (InMemoryTarget target : targets) {
      contents.addAll(copies(db, target).keySet());
    }
    return contents;
  }

  /** Bytes Google holds in all {@code items} (their stored sizes). */
  public static long storedBytes(JsonArray items) {
    long total = 0;
    for (JsonElement e : items) {
      total += e.getAsJsonObject().get("size").getAsLong();
    }
    return total;
  }
}
