package app.wauploader.core.upload;

import app.wauploader.core.dates.CaptureDate;
import app.wauploader.core.dates.CaptureDates;
import app.wauploader.core.dates.SentCopy;
import app.wauploader.core.source.MediaContent;
import app.wauploader.db.ChatAttachment;
import app.wauploader.db.ChatRow;
import app.wauploader.db.Database;
import app.wauploader.db.UploadItem;
import app.wauploader.domain.Service;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The bytes a one-request Photos upload sends: the file with its capture date written in (JPEG EXIF
 * {@code DateTimeOriginal}/{@code OffsetTimeOriginal}, MP4/MOV/3GP header times; see {@link
 * SentCopy}), because WhatsApp strips EXIF and the Photos API cannot set a date — Google Photos
 * reads it from the bytes, else files the item on the upload day (shared/design/GOOGLE-PROTOCOLS.md
 * "Dates"). The date is the chat message's (an imported chat), else the file name's ({@code
 * IMG-20231105-WA0004.jpg}), else the mtime ({@link CaptureDates}). The local file never changes,
 * Drive always gets the file's own bytes, and dedup stays on the local file's SHA-256. Only files
 * that fit one request are rewritten for now (a resumable transfer would have to send the same
 * rewritten bytes after a restart); larger ones are sent as they are.
 */
final class DatedCopy {
  private final Database db;
  private final boolean enabled;

  /**
   * @param enabled false to send every file as it is ({@code --no-restore-dates})
   */
  DatedCopy(Database db, boolean enabled) {
    this.db = db;
    this.enabled = enabled;
  }

  /** Bytes to send: {@code bytes[0, length)}. */
  record Bytes(byte[] bytes, int length) {}

  /**
   * What to send for {@code item}, whose bytes are {@code original[0, length)} (already checked to
   * be the planned content by the caller): a dated copy for a Photos JPEG or video without a date,
   * else the original.
   */
  Bytes of(UploadItem item, byte[] original, int length) throws IOException {
    if (!enabled || item.service() != Service.PHOTOS) {
      return new Bytes(original, length);
    }
    CaptureDate date =
        CaptureDates.of(
            Planning.entryOf(item).name(),
            chatMessageTime(item.sha256()),
            item.mtimeMs(),
            ZoneId.systemDefault(),
            db.clock());
    Optional<SentCopy> copy =
        SentCopy.of(new InMemory(original, length), length, item.mimeType(), date);
    if (copy.isEmpty()) {
      return new Bytes(original, length);
    }
    try (SentCopy c = copy.get()) {
      byte[] out = new byte[(int) c.size()];
      int filled = 0;
      while (filled < out.length) {
        int n = c.read(filled, out, filled, out.length - filled);
        if (n < 0) {
          throw new IOException("dated copy ended early at " + filled + " of " + out.length);
        }
        filled += n;
      }
      return new Bytes(out, out.length);
    }
  }

  /** When the content was sent in its first chat, if a chat export names it. */
  private Optional<Instant> chatMessageTime(String sha256) {
    return db.read(
        tx -> {
          List<ChatRow> chats = tx.contentChats().chatsOf(sha256);
          if (chats.isEmpty()) {
            return Optional.<Instant>empty();
          }
          return tx.chats()
              .attachmentWithContent(chats.get(0).id(), sha256)
              .map(ChatAttachment::sentAt);
        });
  }

  /** A byte array read by position. */
  private static final class InMemory implements MediaContent {
    private final byte[] bytes;
    private final int length;

    InMemory(byte[] bytes, int length) {
      this.bytes = bytes;
      this.length = length;
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int count) {
      if (position >= length) {
        return -1;
      }
      int n = (int) Math.min(count, length - position);
      System.arraycopy(bytes, (int) position, buffer, offset, n);
      return n;
    }

    @Override
    public void close() {}
  }
}
