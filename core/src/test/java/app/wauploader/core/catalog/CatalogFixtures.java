package app.wauploader.core.catalog;

import app.wauploader.db.CatalogRepository;
import app.wauploader.db.CatalogRepository.Container;
import app.wauploader.db.CatalogRepository.Content;
import app.wauploader.db.Database;
import app.wauploader.domain.Service;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Catalogs and databases made up for tests: real SQLite files, synthetic rows. */
final class CatalogFixtures {
  private CatalogFixtures() {}

  static String sha(String seed) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Content content(String seed, Service service, String remoteId, long uploadedAt) {
    return new Content(
        sha(seed),
        service,
        remoteId,
        1000 + seed.length(),
        service == Service.PHOTOS ? "image/jpeg" : "application/pdf",
        "IMG-" + seed + ".jpg",
        uploadedAt,
        Optional.empty(),
        Optional.empty());
  }

  static Catalog catalog(
      String device, long version, List<Content> contents, List<Container> containers) {
    return new Catalog(
        CatalogFormat.FORMAT,
        device + "-id",
        device,
        version,
        Instant.parse("2026-11-30T18:02:11Z"),
        contents,
        containers,
        List.of(),
        List.of(),
        Map.of());
  }

  /** A database file holding {@code contents} and {@code containers}. */
  static Database database(Path file, List<Content> contents, List<Container> containers) {
    Database db = Database.open(file);
    db.inTransaction(
        tx -> {
          CatalogRepository repo = tx.catalog();
          for (Content c : contents) {
            repo.addContent(c, "local");
          }
          for (Container c : containers) {
            repo.putContainer(c);
          }
          return null;
        });
    return db;
  }

  /**
   * {@code n} contents shaped like a real backup: 70 % Photos items (ids of 98 characters, a dated
   * copy's SHA-256 for most), 30 % Drive files (ids of 33 characters), WhatsApp file names.
   */
  static List<Content> synthetic(int n, long seed) {
    Random random = new Random(seed);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    List<Content> contents = new ArrayList<>(n);
    long day = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < n; i++) {
      boolean photos = random.nextInt(10) < 7;
      StringBuilder id = new StringBuilder(photos ? "AKj3" : "1");
      for (int k = id.length(); k < (photos ? 98 : 33); k++) {
        id.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      long uploadedAt = day + i * 60_000L + random.nextInt(60_000);
      String date = String.format("2023%02d%02d", 1 + i % 12, 1 + i % 28);
      String name =
          photos
              ? String.format("IMG-%s-WA%04d.jpg", date, i % 10_000)
              : String.format("DOC-%s-WA%04d.pdf", date, i % 10_000);
      contents.add(
          new Content(
              sha("c" + i + ":" + seed),
              photos ? Service.PHOTOS : Service.DRIVE,
              id.toString(),
              50_000 + random.nextInt(3_000_000),
              photos ? "image/jpeg" : "application/pdf",
              name,
              uploadedAt,
              Optional.empty(),
              photos && random.nextInt(10) < 8 ? Optional.of(sha("s" + i)) : Optional.empty()));
    }
    contents.sort(java.util.Comparator.comparing(Content::sha256));
    return contents;
  }
}
