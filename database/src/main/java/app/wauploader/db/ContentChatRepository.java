package app.wauploader.db;

import app.wauploader.domain.Service;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@code content_chats}: which chats each content belongs to, and whether it is filed in each
 * chat's album (Photos) or folder (Drive). One content may belong to many chats; the first (in
 * import order) is {@code file_hashes.chat_id} (kept so as links are added) and decides where the
 * bytes go.
 */
public final class ContentChatRepository {
  private final Transaction tx;

  ContentChatRepository(Transaction tx) {
    this.tx = tx;
  }

  /**
   * Records that content {@code sha256} belongs to chat {@code chatId} (nothing if known).
   *
   * @return true if the link is new
   */
  public boolean link(String sha256, String chatId) throws SQLException {
    boolean added =
        tx.update(
                "INSERT INTO content_chats (sha256, chat_id, linked_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING",
                sha256,
                chatId,
                tx.nowMs())
            == 1;
    if (added) {
      tx.update("UPDATE file_hashes SET chat_id = (" + FIRST_CHAT + ") WHERE hash = ?", sha256);
    }
    return added;
  }

  /** The first chat (import order) of the content of the {@code file_hashes} row at hand. */
  private static final String FIRST_CHAT =
      "SELECT l.chat_id FROM content_chats l JOIN chats c ON c.id = l.chat_id"
          + " WHERE l.sha256 = file_hashes.hash ORDER BY c.position LIMIT 1";

  /**
   * Uploaded content gets its first chat as {@code file_hashes.chat_id} (also content uploaded
   * before any of its chats was imported).
   */
  private void firstChatOfUploaded() throws SQLException {
    tx.update(
        "UPDATE file_hashes SET chat_id = ("
            + FIRST_CHAT
            + ") WHERE hash IN (SELECT sha256 FROM chat_attachments WHERE sha256 IS NOT NULL)");
  }

  /**
   * Links to their chats the contents of attachments found and hashed (e.g. by an earlier run,
   * before the chat was imported).
   *
   * @return how many links are new
   */
  public int linkFoundAttachments() throws SQLException {
    int added =
        tx.update(
            "INSERT INTO content_chats (sha256, chat_id, linked_at) SELECT DISTINCT sha256,"
                + " chat_id, ? FROM chat_attachments WHERE sha256 IS NOT NULL"
                + " ON CONFLICT DO NOTHING",
            tx.nowMs());
    if (added > 0) {
      firstChatOfUploaded();
    }
    return added;
  }

  /** The chats content {@code sha256} belongs to, first-imported first. */
  public List<ChatRow> chatsOf(String sha256) throws SQLException {
    return tx.query(
        "SELECT c.* FROM content_chats l JOIN chats c ON c.id = l.chat_id WHERE l.sha256 = ?"
            + " ORDER BY c.position",
        ChatRepository::map,
        sha256);
  }

  /**
   * Records that content {@code sha256} is filed in chat {@code chatId}'s container as {@code id}.
   */
  public void placed(String sha256, String chatId, String placedId) throws SQLException {
    tx.update(
        "UPDATE content_chats SET placed_id = ?, placed_at = ? WHERE sha256 = ? AND chat_id = ?",
        placedId,
        tx.nowMs(),
        sha256,
        chatId);
  }

  /**
   * Uploaded contents not yet filed in one of their chats' containers, by chat then content.
   *
   * @param chatId only this chat's, when given
   */
  public List<ChatPlacement> unplaced(Optional<String> chatId) throws SQLException {
    return tx.query(
        "SELECT l.sha256, l.chat_id, c.name, f.upload_service, f.upload_id, f.file_name,"
            + " f.mime_type FROM content_chats l JOIN chats c ON c.id = l.chat_id"
            + " JOIN file_hashes f ON f.hash = l.sha256 WHERE l.placed_at IS NULL"
            + " AND (? IS NULL OR l.chat_id = ?) ORDER BY c.position, f.upload_service, l.sha256",
        rs ->
            new ChatPlacement(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Service.fromId(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7)),
        chatId,
        chatId);
  }

  /** Every chat's backup progress, in import order. */
  public List<ChatProgress> progress() throws SQLException {
    return tx.query(
        "SELECT c.*,"
            + " (SELECT count(*) FROM content_chats l JOIN file_hashes f ON f.hash = l.sha256"
            + "   WHERE l.chat_id = c.id) AS backed_up,"
            + " (SELECT coalesce(sum(f.file_size), 0) FROM content_chats l"
            + "   JOIN file_hashes f ON f.hash = l.sha256 WHERE l.chat_id = c.id) AS bytes,"
            + " (SELECT count(DISTINCT l.sha256) FROM content_chats l"
            + "   JOIN upload_items i ON i.sha256 = l.sha256 WHERE l.chat_id = c.id"
            + "   AND i.state IN ('pending', 'uploading', 'uploaded', 'retrying', 'paused')"
            + "   AND NOT EXISTS (SELECT 1 FROM file_hashes f WHERE f.hash = l.sha256))"
            + "   AS waiting,"
            + " (SELECT count(DISTINCT l.sha256) FROM content_chats l"
            + "   JOIN upload_items i ON i.sha256 = l.sha256 WHERE l.chat_id = c.id"
            + "   AND i.state = 'failed' AND NOT EXISTS (SELECT 1 FROM file_hashes f"
            + "   WHERE f.hash = l.sha256) AND NOT EXISTS (SELECT 1 FROM upload_items o"
            + "   WHERE o.sha256 = l.sha256 AND o.state IN ('pending', 'uploading', 'uploaded',"
            + "   'retrying', 'paused'))) AS failed,"
            + " (SELECT count(*) FROM content_chats l WHERE l.chat_id = c.id"
            + "   AND l.placed_at IS NOT NULL) AS placed"
            + " FROM chats c ORDER BY c.position",
        rs ->
            new ChatProgress(
                ChatRepository.map(rs),
                rs.getLong("backed_up"),
                rs.getLong("bytes"),
                rs.getLong("waiting"),
                rs.getLong("failed"),
                rs.getLong("placed")));
  }
}
