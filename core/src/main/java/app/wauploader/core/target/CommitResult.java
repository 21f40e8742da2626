package app.wauploader.core.target;

import app.wauploader.core.retry.TargetException;
import java.util.Optional;

/**
 * The outcome of committing one item: a remote id or that item's own failure.
 *
 * @param remoteId Drive file id or Photos media item id when it succeeded
 */
public record CommitResult(long key, Optional<String> remoteId, Optional<TargetException> failure) {
  public static CommitResult success(long key, String remoteId) {
    return new CommitResult(key, Optional.of(remoteId), Optional.empty());
  }

  public static CommitResult failure(long key, TargetException failure) {
    return new CommitResult(key, Optional.empty(), Optional.of(failure));
  }
}
