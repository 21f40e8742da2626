package app.wauploader.core.catalog;

import app.wauploader.db.CatalogDeviceRepository;
import app.wauploader.db.CatalogRepository;
import app.wauploader.db.CatalogRepository.ChatLink;
import app.wauploader.db.CatalogRepository.Container;
import app.wauploader.db.CatalogRepository.Content;
import app.wauploader.db.Transaction;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the local catalog out of a database, and merges another device's into it.
 *
 * <p>The merge is a grow-only union, so merging never loses anything and merging the same catalog
 * twice changes nothing:
 *
 * <ul>
 *   <li>contents by SHA-256: unknown ones are added; one known under another remote id (two devices
 *       sent it in the same minute) keeps the earlier upload — smallest {@code uploaded_at}, then
 *       service, then remote id, the same choice on every device — and the other is recorded as a
 *       {@code content} conflict (it stays in Google, never sent again);
 *   <li>albums and folders by service and name: unknown ones are added; one known under another id
 *       keeps the older — smallest {@code created_at}, then remote id — on both devices, the other
 *       is a {@code container} conflict; the item count of an album is the larger one;
 *   <li>chats by id (added after this database's own, in the other device's order), content–chat
 *       links by content and chat (a filed link stays filed), settings by key (this database's
 *       value wins).
 * </ul>
 */
public final class CatalogMerge {
  /** Which of two records of one content both devices keep. */
  static final Comparator<Content> EARLIER_CONTENT =
      Comparator.comparingLong(Content::uploadedAt)
          .thenComparing(c -> c.service().id())
          .thenComparing(Content::remoteId);

  /** Which of two containers of one name both devices keep. */
  static final Comparator<Container> OLDER_CONTAINER =
      Comparator.comparingLong(Container::createdAt).thenComparing(Container::remoteId);

  /**
   * What one merge did.
   *
   * @param catalog the merged catalog's device, version and time
   * @param contents contents the catalog holds
   * @param addedContents contents this database did not know
   * @param addedContainers albums and folders it did not know
   * @param addedChats chats it did not know
   * @param conflicts conflicts found for the first time
   */
  public record Result(
      String deviceId,
      String deviceName,
      long version,
      Instant savedAt,
      int contents,
      int addedContents,
      int addedContainers,
      int addedChats,
      List<CatalogDeviceRepository.Conflict> conflicts) {}

  private CatalogMerge() {}

  /** The local catalog, as {@code device} would save it as {@code version} at {@code now}. */
  public static Catalog export(
      Transaction tx, String deviceId, String deviceName, long version, Instant now)
      throws SQLException {
    CatalogRepository repo = tx.catalog();
    return new Catalog(
        CatalogFormat.FORMAT,
        deviceId,
        deviceName,
        version,
        now,
        repo.contents(),
        repo.containers(),
        repo.chats(),
        repo.chatLinks(),
        repo.settings());
  }

  /**
   * Checks that {@code other} can be merged by this build.
   *
   * @throws CatalogException if it is of a newer format
   */
  public static void accept(Catalog other) throws CatalogException {
    if (other.format() > CatalogFormat.FORMAT) {
      throw new CatalogException(
          "the catalog of "
              + other.deviceName()
              + " is of format "
              + other.format()
              + ", newer than this version of wa-uploader reads: update wa-uploader");
    }
  }

  /**
   * Merges {@code other} into the database of {@code tx} (run it in one transaction: all or
   * nothing).
   *
   * @throws IllegalArgumentException if {@code other} is not {@link #accept accepted} (nothing is
   *     changed)
   */
  public static Result merge(Transaction tx, Catalog other) throws SQLException {
    if (other.format() > CatalogFormat.FORMAT) {
      throw new IllegalArgumentException("catalog format " + other.format());
    }
    CatalogRepository repo = tx.catalog();
    CatalogDeviceRepository devices = tx.catalogDevices();
    String from = other.deviceName().isEmpty() ? other.deviceId() : other.deviceName();
    List<CatalogDeviceRepository.Conflict> found = new java.util.ArrayList<>();
    int chats = 0;
    for (CatalogRepository.Chat chat : other.chats()) {
      if (repo.addChat(chat)) {
        chats++;
      }
    }
    int contents = 0;
    for (Content theirs : other.contents()) {
      Optional<Content> ours = repo.content(theirs.sha256());
      if (ours.isEmpty()) {
        repo.addContent(theirs, from);
        contents++;
      } else if (!sameItem(ours.get(), theirs)) {
        Content kept = EARLIER_CONTENT.compare(theirs, ours.get()) < 0 ? theirs : ours.get();
        Content dropped = kept == theirs ? ours.get() : theirs;
        if (kept == theirs) {
          repo.replaceContent(theirs);
        }
        conflict(
            devices,
            found,
            "content",
            dropped.service(),
            theirs.sha256(),
            kept.remoteId(),
            dropped.remoteId(),
            from);
      }
      if (theirs.chatId().isPresent()) {
        repo.setChatIfNone(theirs.sha256(), theirs.chatId().get());
      }
    }
    int containers = mergeContainers(repo, devices, other.containers(), from, found);
    for (ChatLink link : other.chatLinks()) {
      repo.mergeChatLink(link);
    }
    for (Map.Entry<String, String> setting : other.settings().entrySet()) {
      repo.addSetting(setting.getKey(), setting.getValue());
    }
    return new Result(
        other.deviceId(),
        other.deviceName(),
        other.version(),
        other.savedAt(),
        other.contents().size(),
        contents,
        containers,
        chats,
        found);
  }

  private static int mergeContainers(
      CatalogRepository repo,
      CatalogDeviceRepository devices,
      List<Container> theirs,
      String from,
      List<CatalogDeviceRepository.Conflict> found)
      throws SQLException {
    int added = 0;
    Map<String, Container> ours = new java.util.HashMap<>();
    for (Container c : repo.containers()) {
      ours.put(c.service().id() + "\n" + c.name(), c);
    }
    for (Container c : theirs) {
      Container local = ours.get(c.service().id() + "\n" + c.name());
      if (local == null) {
        repo.putContainer(c);
        added++;
      } else if (local.remoteId().equals(c.remoteId())) {
        if (c.itemCount() > local.itemCount()) {
          repo.putContainer(
              new Container(
                  local.service(),
                  local.name(),
                  local.remoteId(),
                  local.createdAt(),
                  c.itemCount()));
        }
      } else {
        Container kept = OLDER_CONTAINER.compare(c, local) < 0 ? c : local;
        Container dropped = kept == c ? local : c;
        if (kept == c) {
          repo.putContainer(c);
        }
        conflict(
            devices,
            found,
            "container",
            c.service(),
            c.name(),
            kept.remoteId(),
            dropped.remoteId(),
            from);
      }
    }
    return added;
  }

  private static void conflict(
      CatalogDeviceRepository repo,
      List<CatalogDeviceRepository.Conflict> found,
      String kind,
      app.wauploader.domain.Service service,
      String key,
      String kept,
      String dropped,
      String from)
      throws SQLException {
    if (repo.recordConflict(kind, service, key, kept, dropped, from)) {
      found.add(new CatalogDeviceRepository.Conflict(kind, service, key, kept, dropped, from, 0));
    }
  }

  private static boolean sameItem(Content a, Content b) {
    return a.service() == b.service() && a.remoteId().equals(b.remoteId());
  }
}
