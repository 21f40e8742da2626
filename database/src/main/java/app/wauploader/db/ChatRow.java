package app.wauploader.db;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code chats}: an imported WhatsApp chat export.
 *
 * @param id stable chat id (derived from the chat's name, so a newer export of the chat merges)
 * @param name the chat's name, as the export's file name gives it or the user chose
 * @param format export format id ({@code android}, {@code ios}, {@code legacy-2012})
 * @param exportName file name of the export imported last
 * @param firstMessageAt time of the first message with a sender, when there is one
 * @param lastMessageAt time of the last message with a sender
 * @param position import order, from 1: the first chat of a content is the one imported first
 */
public record ChatRow(
    String id,
    String name,
    String format,
    String exportName,
    Optional<Instant> firstMessageAt,
    Optional<Instant> lastMessageAt,
    long position,
    Instant importedAt,
    Instant updatedAt) {}
