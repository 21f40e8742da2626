package app.wauploader.core.target;

import java.util.Optional;

/**
 * A finished transfer to make into a remote item.
 *
 * @param key the caller's identifier, echoed in the {@link CommitResult}
 * @param receipt from {@link TransferState.Complete#receipt()}
 * @param description text shown with the item where the service keeps one (Photos: the item's
 *     description, at most {@link #MAX_DESCRIPTION} characters), or empty
 */
public record CommitRequest(
    long key,
    String receipt,
    String container,
    String remoteName,
    String sha256,
    Optional<String> description) {
  /**
   * Longest description: Photos' NewMediaItem description "shouldn't be more than 1000 characters"
   * (https://developers.google.com/photos/library/reference/rest/v1/mediaItems/batchCreate).
   */
  public static final int MAX_DESCRIPTION = 1000;

  public CommitRequest {
    if (description.isPresent() && description.get().length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException(
          "description longer than " + MAX_DESCRIPTION + " characters");
    }
  }

  /** A request without description. */
  public CommitRequest(
      long key, String receipt, String container, String remoteName, String sha256) {
    this(key, receipt, container, remoteName, sha256, Optional.empty());
  }
}
