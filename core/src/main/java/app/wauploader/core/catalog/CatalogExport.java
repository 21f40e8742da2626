package app.wauploader.core.catalog;

import app.wauploader.db.CatalogRepository;
import app.wauploader.db.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    try {
      repo.forEachContent(row -> write(out, row));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
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
    try {
      repo.forEachChatLink(row -> write(out, row));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public Map<String, String> settings() throws Exception {
    return repo.settings();
  }

  private static <T> void write(CatalogFormat.Rows<T> out, T row) {
    try {
      out.add(row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
