package app.wauploader.core.upload;

import app.wauploader.core.dates.CaptureDate;
import app.wauploader.core.dates.CaptureDates;
import app.wauploader.core.dates.SentCopy;
import app.wauploader.core.hash.Sha256;
import app.wauploader.core.source.MediaContent;
import app.wauploader.db.ChatAttachment;
import app.wauploader.db.ChatRow;
import app.wauploader.db.Database;
import app.wauploader.db.UploadItem;
import app.wauploader.db.UploadTransfer;
import app.wauploader.domain.Service;
import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bytes a transfer sends for one item: the file's own, or — for Google Photos — a copy with the
 * capture date written in (JPEG EXIF {@code DateTimeOriginal}/{@code OffsetTimeOriginal},
 * MP4/MOV/3GP header times; {@link SentCopy}), because WhatsApp strips EXIF and the Photos API
 * cannot set a date: Google Photos reads it from the bytes, else files the item on the upload day
 * (shared/design/GOOGLE-PROTOCOLS.md "Dates"). The date is the chat message's (an imported chat),
 * else the file name's ({@code IMG-20231105-WA0004.jpg}), else the mtime ({@link CaptureDates}).
 * Drive gets the file's own bytes (its {@code sha256Checksum} matches the local file) and the date
 * as {@code createdTime}/{@code modifiedTime}.
 *
 * <p>A resumable transfer fixes its date when it begins ({@code upload_transfers}): the copy is a
 * deterministic function of (file bytes, date), so after a restart the same bytes are sent, the
 * chunk ledger still matches and the server's offset still means the same byte. Dedup stays on the
 * local file's SHA-256; the copy's is recorded as the sent bytes' hash.
 */
final class SentBytes {
  private final Database db;
  private final boolean enabled;

  /**
   * @param enabled false to send every file as it is and give Drive no dates ({@code
   *     --no-restore-dates})
   */
  SentBytes(Database db, boolean enabled) {
    this.db = db;
    this.enabled = enabled;
  }

  /**
   * What a transfer sends.
   *
   * @param content the bytes, read by position: the file, or a copy reading the file
   * @param size bytes sent, ≥ 0
   * @param sha256 what those bytes hash to (64 lowercase hex): the local file's, or the copy's
   * @param date the capture date written into the copy (Photos) or given as Drive's times
   * @param copied true when {@code content} is a dated copy, not the file's own bytes
   */
  record Plan(
      MediaContent content, long size, String sha256, Optional<CaptureDate> date, boolean copied) {
    /** The row that fixes this plan for a resumed transfer with {@code chunkGranularity}. */
    UploadTransfer record(int chunkGranularity) {
      return row(chunkGranularity, size, sha256, date, copied);
    }
  }

  private static UploadTransfer row(
      int chunkGranularity, long size, String sha256, Optional<CaptureDate> date, boolean copied) {
    Optional<CaptureDate> written = copied ? date : Optional.empty();
    return new UploadTransfer(
        chunkGranularity,
        size,
        sha256,
        written.map(CaptureDate::when),
        written.map(CaptureDate::offset),
        written.map(d -> d.source().name().toLowerCase(Locale.ROOT)));
  }

  /**
   * The plan of a new transfer of {@code item} from {@code file}. A dated copy is made only after
   * one sequential read shows the file still holds the planned content.
   *
   * @param buffer scratch space for that read
   * @throws TransferTask.FileChangedException if the file no longer holds the planned content
   * @throws IOException if the file cannot be read
   */
  Plan fresh(UploadItem item, MediaContent file, byte[] buffer)
      throws IOException, TransferTask.FileChangedException {
    Optional<CaptureDate> date = dateOf(item);
    if (date.isPresent() && item.service() == Service.PHOTOS) {
      Optional<SentCopy> copy = SentCopy.of(file, item.size(), item.mimeType(), date.get());
      if (copy.isPresent()) {
        SentCopy.Digests digests;
        try {
          digests = copy.get().digests(buffer);
        } catch (EOFException e) {
          throw new TransferTask.FileChangedException(item);
        }
        if (!digests.original().equals(item.sha256())) {
          throw new TransferTask.FileChangedException(item);
        }
        return new Plan(copy.get(), copy.get().size(), digests.copy(), date, true);
      }
    }
    return new Plan(file, item.size(), item.sha256(), date, false);
  }

  /**
   * The plan a resumed transfer began with: the same dated copy when {@code recorded} has a date
   * (whatever the settings or chats are now), else the file's own bytes.
   *
   * @throws TransferTask.FileChangedException if the file can no longer give that copy
   */
  Plan resumed(UploadItem item, MediaContent file, Optional<UploadTransfer> recorded)
      throws IOException, TransferTask.FileChangedException {
    if (recorded.isEmpty() || recorded.get().capturedAt().isEmpty()) {
      return new Plan(file, item.size(), item.sha256(), Optional.empty(), false);
    }
    UploadTransfer t = recorded.get();
    CaptureDate date =
        new CaptureDate(
            t.capturedAt().get(),
            t.capturedOffset().get(),
            CaptureDate.Source.valueOf(t.capturedSource().get().toUpperCase(Locale.ROOT)));
    Optional<SentCopy> copy = SentCopy.of(file, item.size(), item.mimeType(), date);
    if (copy.isEmpty() || copy.get().size() != t.sentSize()) {
      throw new TransferTask.FileChangedException(item);
    }
    return new Plan(copy.get(), t.sentSize(), t.sentSha256(), Optional.of(date), true);
  }

  /** Bytes to send in one request: {@code bytes[0, length)}, hashing to {@code sha256}. */
  record Whole(
      byte[] bytes, int length, String sha256, Optional<CaptureDate> date, boolean copied) {
    /** The row that records what was sent (for {@code file_hashes.sent_sha256} at the commit). */
    UploadTransfer record(int chunkGranularity) {
      return row(chunkGranularity, length, sha256, date, copied);
    }
  }

  /**
   * What to send in one request for {@code item}, whose bytes are {@code original[0, length)}
   * (already checked to be the planned content, so hashing to {@code item.sha256()}): a dated copy
   * for a Photos JPEG or video without a date of its own, else the original.
   */
  Whole whole(UploadItem item, byte[] original, int length) throws IOException {
    Optional<CaptureDate> date = dateOf(item);
    if (date.isEmpty() || item.service() != Service.PHOTOS) {
      return new Whole(original, length, item.sha256(), date, false);
    }
    Optional<SentCopy> copy =
        SentCopy.of(new InMemory(original, length), length, item.mimeType(), date.get());
    if (copy.isEmpty()) {
      return new Whole(original, length, item.sha256(), date, false);
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
      return new Whole(out, out.length, Sha256.of(out, out.length), date, true);
    }
  }

  /** The capture date of {@code item}, when dates are restored. */
  private Optional<CaptureDate> dateOf(UploadItem item) {
    if (!enabled) {
      return Optional.empty();
    }
    return Optional.of(
        CaptureDates.of(
            Planning.entryOf(item).name(),
            chatMessageTime(item.sha256()),
            item.mtimeMs(),
            ZoneId.systemDefault(),
            db.clock()));
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
