package app.wauploader.core.chat;

import app.wauploader.core.hash.Fingerprint;
import app.wauploader.core.hash.Sha256;
import app.wauploader.core.source.MediaEntry;
import app.wauploader.db.ChatAttachment;
import app.wauploader.db.ChatMessageKey;
import app.wauploader.db.ScanEntry;
import app.wauploader.db.Transaction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores a parsed chat export: the chat (merged by its {@link ChatIds id} with earlier imports),
 * the keys of its messages (so a newer export of the same chat adds only new ones), the files it
 * mentions, and where each was found — inside the export (a ZIP with media) or in the media
 * folders, by file name. Attachments whose file was hashed before (the scan cache knows it
 * unchanged) are linked to their content at once; the others when an upload scans them.
 */
public final class ChatImporter {
  private ChatImporter() {}

  /**
   * Imports {@code export} in transaction {@code tx}.
   *
   * @param media the attachments' files, located and fingerprinted
   * @param zone the exporting phone's time zone (exports carry none): message times are read in it
   * @param rename true if the user named the chat: a known chat takes that name
   */
  public static ChatImport store(
      Transaction tx,
      ChatExportFile export,
      ChatMedia media,
      boolean foldersSearched,
      ZoneId zone,
      boolean rename)
      throws SQLException {
    ChatExport chat = export.chat();
    String id = ChatIds.of(chat.chat());
    tx.chats()
        .upsert(
            id,
            chat.chat(),
            chat.format().id(),
            String.valueOf(export.path().getFileName()),
            chat.first().map(t -> instant(t, zone)),
            chat.last().map(t -> instant(t, zone)),
            rename);
    List<ChatMessageKey> keys = messageKeys(chat, zone);
    long newMessages = tx.chats().addMessages(id, keys);
    Map<String, ChatAttachment> attachments = new LinkedHashMap<>();
    for (Attachment a : chat.attachments()) {
      attachments.putIfAbsent(
          a.name(),
          new ChatAttachment(
              id,
              a.name(),
              instant(a.time(), zone),
              a.sender(),
              a.caption(),
              Optional.empty(),
              Optional.empty()));
    }
    long newAttachments = tx.chats().addAttachments(id, attachments.values());
    int insideExport = 0;
    int found = 0;
    List<ScanEntry> hashed = new ArrayList<>();
    for (String name : attachments.keySet()) {
      MediaEntry file = media.file(name);
      if (file == null) {
        continue;
      }
      if (media.isInside(name)) {
        insideExport++;
      } else {
        found++;
      }
      Fingerprint fp = media.fingerprint(file.key());
      if (fp != null) {
        hashed.add(
            new ScanEntry(file.key(), file.size(), file.mtimeMs(), fp.sha256(), fp.mimeType()));
      }
      tx.chats().found(id, name, file.key(), fp == null ? null : fp.sha256());
    }
    tx.scanCache().putAll(hashed);
    tx.contentChats().linkFoundAttachments();
    return new ChatImport(
        export.path(),
        id,
        chat.chat(),
        chat.format(),
        keys.size(),
        newMessages,
        attachments.size(),
        newAttachments,
        insideExport,
        found,
        attachments.size() - insideExport - found,
        foldersSearched,
        chat.warnings());
  }

  /**
   * One key per message with a sender: a digest of its time, sender, text and how many identical
   * messages came before it in the export (two "ok" in one minute are two messages).
   */
  static List<ChatMessageKey> messageKeys(ChatExport chat, ZoneId zone) {
    Map<String, Integer> seen = new HashMap<>();
    List<ChatMessageKey> keys = new ArrayList<>();
    for (ChatMessage m : chat.messages()) {
      String identity = m.time() + "\u0000" + m.sender().orElse("") + "\u0000" + m.text();
      int occurrence = seen.merge(identity, 1, Integer::sum);
      byte[] bytes = (identity + "\u0000" + occurrence).getBytes(StandardCharsets.UTF_8);
      keys.add(
          new ChatMessageKey(
              Sha256.of(bytes, bytes.length).substring(0, 32),
              instant(m.time(), zone),
              m.sender().orElse("")));
    }
    return keys;
  }

  private static Instant instant(LocalDateTime time, ZoneId zone) {
    return time.atZone(zone).toInstant();
  }
}
