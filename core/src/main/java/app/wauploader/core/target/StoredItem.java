package app.wauploader.core.target;

import java.util.Objects;
import java.util.Optional;

/**
 * An item this app stored, as the service answers for it now.
 *
 * @param id the Drive file id or Photos media item id
 * @param sha256 the SHA-256 the service computed of its bytes (Drive {@code sha256Checksum}); empty
 *     where the service reports none (Photos)
 */
public record StoredItem(String id, Optional<String> sha256) {
  public StoredItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sha256, "sha256");
  }
}
