package app.wauploader.core.target;

import java.util.Optional;

/** What the server says about a resumable transfer. */
public sealed interface TransferState {
  /**
   * The server holds the first {@code acknowledgedOffset} bytes; send from there.
   *
   * @param acknowledgedOffset bytes, 0..size
   */
  record Active(long acknowledgedOffset) implements TransferState {}

  /**
   * Every byte is received.
   *
   * @param receipt what {@link Target#commit} needs: the Drive file id, or the Photos upload token
   * @param remoteSha256 the SHA-256 the service computed, when it reports one (Drive {@code
   *     sha256Checksum})
   */
  record Complete(String receipt, Optional<String> remoteSha256) implements TransferState {}

  /** The server no longer knows this transfer (expired or cancelled): start a new one. */
  record Expired() implements TransferState {}
}
