package app.wauploader.domain;

import java.util.Locale;

/**
 * Where one upload item is in its journey: {@code pending → uploading → uploaded → committed}, or
 * {@code failed} (permanent, recorded in upload_errors) or {@code skipped_duplicate} (its bytes are
 * already uploaded or being uploaded by a twin).
 */
public enum ItemState {
  /** Planned; nothing sent yet (or a transfer was reset). */
  PENDING,
  /** A resumable transfer is open; {@code session_uri} and {@code acked_offset} are valid. */
  UPLOADING,
  /** All bytes acknowledged; for Photos an upload token awaits batchCreate. */
  UPLOADED,
  /** A transient failure outlasted the run's retries; tried again from {@code next_attempt_at}. */
  RETRYING,
  /** The service's daily quota is used up; tried again from {@code next_attempt_at} (reset). */
  PAUSED,
  /** The remote item exists ({@code remote_id}) and a {@code file_hashes} row records it. */
  COMMITTED,
  /** Gave up; see {@code upload_errors}. */
  FAILED,
  /** Same SHA-256 as content already uploaded or owned by another item. */
  SKIPPED_DUPLICATE;

  /** The value stored in the database. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()}. */
  public static ItemState fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
