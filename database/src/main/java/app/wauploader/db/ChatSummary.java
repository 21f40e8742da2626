package app.wauploader.db;

/**
 * A chat with its counts.
 *
 * @param messages messages with a sender, across every import
 * @param attachments files the chat's exports mention
 * @param found attachments a file was found for (in a media folder or inside the export)
 */
public record ChatSummary(ChatRow chat, long messages, long attachments, long found) {}
