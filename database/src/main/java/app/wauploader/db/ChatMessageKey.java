package app.wauploader.db;

import java.time.Instant;

/**
 * A message of a chat as the database keeps it: not its text, only enough to count it once.
 *
 * @param key identifies the message within its chat across exports (a digest of its time, sender,
 *     text and occurrence)
 * @param sentAt when it was sent
 */
public record ChatMessageKey(String key, Instant sentAt, String sender) {}
