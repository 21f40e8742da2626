package app.wauploader.emulator.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An app-created Photos album
 * (https://developers.google.com/photos/library/reference/rest/v1/albums).
 *
 * @param id album id
 * @param title title
 * @param mediaItemIds items in the album, in the order added, no duplicates
 * @param createdAt creation time
 * @param clientId the OAuth client that created it; null when created without {@code requireAuth}
 *     (then every caller counts as its creator)
 */
public record StoredAlbum(
    String id, String title, List<String> mediaItemIds, Instant createdAt, String clientId) {

  /** Most items an album can hold by default (the emulator's {@code albumCapacity}). */
  public static final int MAX_ITEMS = 20_000;

  public StoredAlbum {
    mediaItemIds = mediaItemIds == null ? List.of() : List.copyOf(mediaItemIds);
  }

  /** A copy that also holds {@code ids} (ones already present are not repeated). */
  public StoredAlbum withItems(Collection<String> ids) {
    LinkedHashSet<String> all = new LinkedHashSet<>(mediaItemIds);
    all.addAll(ids);
    return new StoredAlbum(id, title, new ArrayList<>(all), createdAt, clientId);
  }

  /** A copy recorded as created by OAuth client {@code owner}. */
  public StoredAlbum ownedBy(String owner) {
    return new StoredAlbum(id, title, mediaItemIds, createdAt, owner);
  }

  /**
   * Whether a caller of OAuth client {@code callerClientId} (null without {@code requireAuth})
   * created it: always for albums without a recorded client; else only that client.
   */
  public boolean isCreatedBy(String callerClientId) {
    return clientId == null || clientId.equals(callerClientId);
  }
}
