package app.wauploader.core.catalog;

import app.wauploader.db.CatalogRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One device's catalog: what content is where in the user's Google account (SHA-256 → service,
 * remote id), the albums and folders, the chats and which content belongs to which, and the
 * settings — what another device, or this one after losing its database, needs so that nothing is
 * sent twice. Not the per-run bookkeeping (sessions, items, transfers, errors, scan cache), and
 * never a token. Written by {@link CatalogFormat}.
 *
 * @param format the format version ({@link CatalogFormat#FORMAT})
 * @param deviceId the random id of the database that saved it
 * @param deviceName the device's name as shown to a user ({@code pixel-7}, a host name)
 * @param version the saving device's catalog version, from 1, one more per save
 * @param savedAt when it was saved
 * @param settings {@code config} key → JSON text
 */
public record Catalog(
    int format,
    String deviceId,
    String deviceName,
    long version,
    Instant savedAt,
    List<CatalogRepository.Content> contents,
    List<CatalogRepository.Container> containers,
    List<CatalogRepository.Chat> chats,
    List<CatalogRepository.ChatLink> chatLinks,
    Map<String, String> settings) {

  public Catalog {
    contents = List.copyOf(contents);
    containers = List.copyOf(containers);
    chats = List.copyOf(chats);
    chatLinks = List.copyOf(chatLinks);
    settings = Map.copyOf(settings);
  }
}
