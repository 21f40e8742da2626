package app.wauploader.core.app;

import app.wauploader.core.chat.ChatExportException;
import app.wauploader.core.chat.ChatExportFile;
import app.wauploader.core.chat.ChatExportFiles;
import app.wauploader.core.chat.ChatIds;
import app.wauploader.core.chat.ChatImport;
import app.wauploader.core.chat.ChatImporter;
import app.wauploader.core.chat.ChatMedia;
import app.wauploader.core.source.MediaEntry;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.MediaSources;
import app.wauploader.db.ChatProgress;
import app.wauploader.db.ChatRow;
import app.wauploader.db.ChatSummary;
import app.wauploader.db.Database;
import app.wauploader.db.migration.Migrations;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The facade for WhatsApp chats, beside {@link Backups}: read chat exports, import them (so their
 * media go to the chat's album or folder), list the chats and how far each one's backup is. Needs
 * no Google: importing stores the chat; the next backup files its media.
 */
public final class Chats {
  private final BackupEnvironment env;
  private final Locale locale;
  private final ZoneId zone;

  /**
   * @param locale decides day/month order only in an export whose every date is ambiguous
   * @param zone the phone's time zone, in which export times (which carry none) are read
   */
  public Chats(BackupEnvironment env, Locale locale, ZoneId zone) {
    this.env = env;
    this.locale = locale;
    this.zone = zone;
  }

  /** One export's import: what it did, or why it could not be read. */
  public sealed interface Result {}

  /** The export was imported. */
  public record Imported(ChatImport chat) implements Result {}

  /** The export could not be read (not an export, unreadable, damaged); nothing of it stored. */
  public record Failed(Path export, ChatExportException reason) implements Result {}

  /**
   * Reads an export without storing anything.
   *
   * @param chatName the user's name for the chat, overriding the file name's
   * @throws ChatExportException with a one-line reason naming the file
   */
  public ChatExportFile inspect(Path export, Optional<String> chatName) throws IOException {
    return ChatExportFiles.read(export, chatName, locale);
  }

  /**
   * Imports chat exports ({@code .txt}, or {@code .zip} with or without media), each in its own
   * transaction; a file that cannot be read is reported and the others are imported. Attachments
   * are looked for inside each export and, by file name, in {@code mediaFolders} (listed once).
   *
   * @param chatName the chat every given export belongs to, overriding their file names
   * @param mediaFolders where the phone keeps WhatsApp's media; empty to look nowhere
   * @throws app.wauploader.db.DatabaseException if the database cannot be opened or written
   */
  public List<Result> importExports(
      List<Path> exports, Optional<String> chatName, List<MediaSource> mediaFolders)
      throws IOException {
    List<Result> results = new ArrayList<>();
    MediaSource folders = MediaSources.of(mediaFolders);
    try (Database db = open()) {
      for (MediaSource source : mediaFolders) {
        source.check();
      }
      Map<String, MediaEntry> byName =
          mediaFolders.isEmpty() ? Map.of() : ChatMedia.byName(folders);
      for (Path export : exports) {
        ChatExportFile file;
        ChatMedia media;
        try {
          file = ChatExportFiles.read(export, chatName, locale);
          media = ChatMedia.locate(file, byName, folders);
        } catch (ChatExportException e) {
          results.add(new Failed(export, e));
          continue;
        }
        boolean searched = !mediaFolders.isEmpty();
        results.add(
            new Imported(
                db.inTransaction(
                    tx ->
                        ChatImporter.store(
                            tx, file, media, searched, zone, chatName.isPresent()))));
      }
    } finally {
      for (MediaSource source : mediaFolders) {
        if (source instanceof Closeable c) {
          c.close();
        }
      }
      MediaSources.closeArchives();
    }
    return results;
  }

  /** Every imported chat with its counts, in import order; empty when there is no database. */
  public List<ChatSummary> list() {
    if (!Files.exists(env.database())) {
      return List.of();
    }
    try (Database db = open()) {
      return db.read(tx -> tx.chats().summaries());
    }
  }

  /**
   * The chat {@code nameOrId} names: its id, or its name ignoring case (the first imported, when
   * two chats share a name).
   */
  public Optional<ChatRow> find(String nameOrId) {
    if (!Files.exists(env.database())) {
      return Optional.empty();
    }
    try (Database db = open()) {
      return db.read(
          tx -> {
            Optional<ChatRow> byId = tx.chats().find(nameOrId);
            if (byId.isPresent()) {
              return byId;
            }
            Optional<ChatRow> byName = tx.chats().find(ChatIds.of(nameOrId));
            return byName.isPresent()
                ? byName
                : tx.chats().findByName(nameOrId).stream().findFirst();
          });
    }
  }

  /** How far each chat's backup is, in import order; empty when there is no database. */
  public List<ChatProgress> progress() {
    if (!Files.exists(env.database())) {
      return List.of();
    }
    try (Database db = open()) {
      return db.read(tx -> tx.contentChats().progress());
    }
  }

  private Database open() {
    return Database.open(env.database(), Migrations.all(), env.clock());
  }
}
