package app.wauploader.db.migration;

import java.util.List;

/** The ordered list of every shipped migration. Append only. */
public final class Migrations {
  private static final List<Migration> ALL =
      List.of(
          new V001SeedSchema(),
          new V002UploadItems(),
          new V003ScanCache(),
          new V004RemoteContainers(),
          new V005RetryPauseLedgerLocks(),
          new V006SourceKeys(),
          new V007ChatsSeedColumns(),
          new V008AlbumCounts(),
          new V009SentCopiesAndRequests(),
          new V010FreedFiles(),
          new V011Catalog(),
          new V012CatalogGeneration(),
          new V013ItemNames());

  private Migrations() {}

  /** All migrations, version 1 first. */
  public static List<Migration> all() {
    return ALL;
  }

  /** The migrations up to and including {@code version} (used to build older schemas in tests). */
  public static List<Migration> upTo(int version) {
    return ALL.subList(0, Math.min(version, ALL.size()));
  }

  /** The newest schema version this build knows. */
  public static int latestVersion() {
    return ALL.size();
  }
}
