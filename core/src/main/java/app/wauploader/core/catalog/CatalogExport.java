package app.wauploader.core.catalog;

import app.wauploader.db.CatalogRepository;
import app.wauploader.db.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * This database's catalog as the writer takes it ({@link CatalogFormat.Body}), read from its tables
 * row by row inside one read transaction: contents and chat links stream from their queries into
 * the file, so a catalog of 100,000 contents is written in a heap of a few MiB.
 */
final class CatalogExport implements CatalogFormat.Body {
  private final CatalogRepository repo;

  CatalogExport(Transaction tx) {
    this.repo = tx.catalog();
  }

  @Override
  public void contents(CatalogFormat.Rows<CatalogRepository.Content> out) throws Exception {
    stream(repo::forEachContent, out);
  }

  @Override
  public List<CatalogRepository.Container> containers() throws Exception {
    return repo.containers();
  }

  @Override
  public List<CatalogRepository.Chat> chats() throws Exception {
    return repo.chats();
  }

  @Override
  public void chatLinks(CatalogFormat.Rows<CatalogRepository.ChatLink> out) throws Exception {
    stream(repo::forEachChatLink, out);
  }

  @Override
  public Map<String, String> settings() throws Exception {
    return repo.settings();
  }

  /** A query that hands its rows one by one ({@code CatalogRepository.forEach…}). */
  @FunctionalInterface
  private interface Query<T> {
    void each(Transaction.RowConsumer<T> consumer) throws SQLException;
  }

  /** The rows of {@code query} into {@code out}, the writer's IOException given back as is. */
  private static <T> void stream(Query<T> query, CatalogFormat.Rows<T> out)
      throws IOException, SQLException {
    try {
      query.each(
          row -> {
            try {
              out.add(row);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
