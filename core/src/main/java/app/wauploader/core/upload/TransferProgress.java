package app.wauploader.core.upload;

import app.wauploader.core.hash.Sha256;
import app.wauploader.db.Database;
import app.wauploader.db.LedgerChunk;
import app.wauploader.db.UploadItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The acknowledged offset and chunk-ledger rows of one transfer not yet written, written in one
 * transaction when {@code progressBytes} or {@code progressInterval} have passed, and at the end.
 * Offsets are in the sent bytes (a dated copy's, when one is sent). Not thread-safe: one transfer
 * thread owns it.
 */
final class TransferProgress {
  private final Database db;
  private final UploadOptions options;
  private final UploadItem item;
  private String uri;
  private final List<LedgerChunk> unsaved = new ArrayList<>();
  private int nextSeq;
  private long savedOffset;
  private long savedAtNanos = System.nanoTime();

  /**
   * @param uri the transfer's URI when one is open, else null
   */
  TransferProgress(Database db, UploadOptions options, UploadItem item, String uri) {
    this.db = db;
    this.options = options;
    this.item = item;
    this.uri = uri;
    this.savedOffset = item.ackedOffset();
  }

  /** The open transfer's URI, or null before the first {@link #restart}. */
  String uri() {
    return uri;
  }

  /** A new transfer was opened at {@code newUri}: nothing of it is acknowledged yet. */
  void restart(String newUri) {
    uri = newUri;
    unsaved.clear();
    nextSeq = 0;
    savedOffset = 0;
  }

  /**
   * A retry or a new process continues at the server's offset: chunks not yet written that the
   * server holds are written now (the rest are dropped), then numbering continues after the
   * ledger's last chunk.
   */
  void resumedAt(long serverOffset) {
    unsaved.removeIf(c -> c.offset() + c.length() > serverOffset);
    if (!unsaved.isEmpty() || serverOffset != savedOffset) {
      flush(serverOffset);
    }
    List<LedgerChunk> ledger = db.inTransaction(tx -> tx.chunks().forItem(item.id()));
    nextSeq = ledger.isEmpty() ? 0 : ledger.get(ledger.size() - 1).seq() + 1;
  }

  /** Bytes {@code buffer[0, length)} at {@code offset} were acknowledged. */
  void acknowledged(long offset, byte[] buffer, int length) {
    unsaved.add(new LedgerChunk(nextSeq++, offset, length, Sha256.of(buffer, length)));
    long acked = offset + length;
    boolean enoughBytes = acked - savedOffset >= options.progressBytes();
    boolean enoughTime = System.nanoTime() - savedAtNanos >= options.progressInterval().toNanos();
    if (enoughBytes || enoughTime) {
      flush(acked);
    }
  }

  /** Writes the unsaved ledger rows and {@code acked} as the acknowledged offset. */
  void flush(long acked) {
    List<LedgerChunk> chunks = List.copyOf(unsaved);
    db.useTransaction(
        tx -> {
          tx.chunks().record(item.id(), chunks);
          tx.items().acknowledge(item.id(), acked);
        });
    unsaved.clear();
    savedOffset = acked;
    savedAtNanos = System.nanoTime();
  }
}
