package app.wauploader.core.target;

import app.wauploader.core.retry.TargetException;
import java.util.Optional;

/**
 * The outcome of committing one item: a remote id or that item's own failure.
 *
 * @param remoteId Drive file id or Photos media item id when it succeeded
 * @param resend true when the service no longer accepts the receipt (e.g. an expired or unknown
 *     Photos upload token): the bytes must be sent again before the item can be committed
 * @param unsupported true when the service refuses the content itself (Photos: media it cannot
 *     take, {@code BAD_IMAGE}): it can only go to another service
 */
public record CommitResult(
    long key,
    Optional<String> remoteId,
    Optional<TargetException> failure,
    boolean resend,
    boolean unsupported) {
  /** The item exists remotely as {@code remoteId}. */
  public static CommitResult success(long key, String remoteId) {
    return new CommitResult(key, Optional.of(remoteId), Optional.empty(), false, false);
  }

  /** The item was refused for {@code failure}; its receipt may still be good. */
  public static CommitResult failure(long key, TargetException failure) {
    return new CommitResult(key, Optional.empty(), Optional.of(failure), false, false);
  }

  /** The service refuses this content as such: send it to another service. */
  public static CommitResult unsupported(long key, TargetException failure) {
    return new CommitResult(key, Optional.empty(), Optional.of(failure), false, true);
  }

  /** The receipt is no longer good: send the bytes again, then commit. */
  public static CommitResult resend(long key, TargetException failure) {
    return new CommitResult(key, Optional.empty(), Optional.of(failure), true, false);
  }
}
