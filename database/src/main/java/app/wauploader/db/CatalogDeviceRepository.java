package app.wauploader.db;

import app.wauploader.domain.Service;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The catalog's own bookkeeping (issue 14): the devices whose catalogs this database knows ({@code
 * catalog_devices}: itself, made on first use, and every device merged), what merges found twice
 * ({@code catalog_conflicts}), and the catalog's generation (migration 12), which tells whether
 * anything changed since the last save. The catalog's rows are {@link CatalogRepository}'s.
 */
public final class CatalogDeviceRepository {
  private final Transaction tx;

  CatalogDeviceRepository(Transaction tx) {
    this.tx = tx;
  }

  /**
   * A device sharing the catalog.
   *
   * @param self whether it is this database
   * @param version the newest catalog version saved (self) or merged (others); 0 before the first
   * @param savedAt when that version was saved, ms since the epoch
   * @param contents how many contents it held
   * @param savedDigest (self) SHA-256 of the catalog body last saved: an unchanged catalog is not
   *     saved again
   * @param mergedAt (others) when this database merged it
   */
  public record Device(
      String id,
      String name,
      boolean self,
      long version,
      Optional<Long> savedAt,
      long contents,
      Optional<String> savedDigest,
      Optional<Long> mergedAt) {}

  /**
   * What a merge found twice: {@code kind} {@code content} (key = SHA-256, two remote items) or
   * {@code container} (key = album title or folder path, two remote ids). {@code keptId} is the one
   * both devices use; {@code otherId} stays in Google, unused.
   */
  public record Conflict(
      String kind,
      Service service,
      String key,
      String keptId,
      String otherId,
      String otherDevice,
      long foundAt) {}

  /**
   * The catalog's generation: raised by every change to what it holds (triggers of migration 12).
   */
  public long generation() throws SQLException {
    return tx.queryLong("SELECT generation FROM catalog_generation WHERE id = 1");
  }

  /** The generation this database's catalog was last saved (or found unchanged) at. */
  public Optional<Long> savedGeneration() throws SQLException {
    return tx.queryOne(
            "SELECT saved_generation FROM catalog_devices WHERE self = 1",
            rs -> Transaction.longValue(rs, "saved_generation"))
        .flatMap(g -> g);
  }

  /** Records that the catalog as of {@code generation} is the one saved. */
  public void savedGeneration(long generation) throws SQLException {
    tx.update("UPDATE catalog_devices SET saved_generation = ? WHERE self = 1", generation);
  }

  /** This database's own device, if it has one yet. */
  public Optional<Device> self() throws SQLException {
    return tx.queryOne(
        "SELECT * FROM catalog_devices WHERE self = 1", CatalogDeviceRepository::device);
  }

  /** Creates this database's own device (once: a second call keeps the first). */
  public Device createSelf(String id, String name) throws SQLException {
    tx.update(
        "INSERT INTO catalog_devices (device_id, device_name, self) SELECT ?, ?, 1"
            + " WHERE NOT EXISTS (SELECT 1 FROM catalog_devices WHERE self = 1)",
        id,
        name);
    return self().orElseThrow();
  }

  /** Records that this database saved catalog {@code version}. */
  public void savedSelf(String name, long version, long savedAt, long contents, String digest)
      throws SQLException {
    tx.update(
        "UPDATE catalog_devices SET device_name = ?, version = ?, saved_at = ?, contents = ?,"
            + " saved_digest = ? WHERE self = 1",
        name,
        version,
        savedAt,
        contents,
        digest);
  }

  /** Every device, this one first, then by name. */
  public List<Device> devices() throws SQLException {
    return tx.query(
        "SELECT * FROM catalog_devices ORDER BY self DESC, device_name, device_id",
        CatalogDeviceRepository::device);
  }

  /** The device {@code id}, if known. */
  public Optional<Device> device(String id) throws SQLException {
    return tx.queryOne(
        "SELECT * FROM catalog_devices WHERE device_id = ?", CatalogDeviceRepository::device, id);
  }

  /** Records that another device's catalog {@code version} was merged (now). */
  public void merged(String id, String name, long version, long savedAt, long contents)
      throws SQLException {
    tx.update(
        "INSERT INTO catalog_devices (device_id, device_name, self, version, saved_at, contents,"
            + " merged_at) VALUES (?, ?, 0, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET"
            + " device_name = excluded.device_name, version = excluded.version,"
            + " saved_at = excluded.saved_at, contents = excluded.contents,"
            + " merged_at = excluded.merged_at",
        id,
        name,
        version,
        savedAt,
        contents,
        tx.nowMs());
  }

  /**
   * Records a conflict once (the same one found by a later merge is not recorded again).
   *
   * @return true if it is new
   */
  public boolean recordConflict(
      String kind, Service service, String key, String keptId, String otherId, String otherDevice)
      throws SQLException {
    return tx.update(
            "INSERT INTO catalog_conflicts (kind, service, key, kept_id, other_id, other_device,"
                + " found_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            kind,
            service,
            key,
            keptId,
            otherId,
            otherDevice,
            tx.nowMs())
        == 1;
  }

  /** Every conflict found, oldest first. */
  public List<Conflict> conflicts() throws SQLException {
    return tx.query(
        "SELECT kind, service, key, kept_id, other_id, other_device, found_at"
            + " FROM catalog_conflicts ORDER BY found_at, kind, key, other_id",
        rs ->
            new Conflict(
                rs.getString(1),
                Service.fromId(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getLong(7)));
  }

  private static Device device(ResultSet rs) throws SQLException {
    return new Device(
        rs.getString("device_id"),
        rs.getString("device_name"),
        rs.getInt("self") == 1,
        rs.getLong("version"),
        Transaction.longValue(rs, "saved_at"),
        rs.getLong("contents"),
        Transaction.string(rs, "saved_digest"),
        Transaction.longValue(rs, "merged_at"));
  }
}
