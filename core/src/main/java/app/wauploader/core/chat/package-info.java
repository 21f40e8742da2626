/**
 * Reading WhatsApp chat exports ("Export chat", with or without media): {@link
 * app.wauploader.core.chat.ChatExportFiles} opens a {@code .txt} or {@code .zip}, {@link
 * app.wauploader.core.chat.ChatExportParser} turns the text into {@link
 * app.wauploader.core.chat.ChatMessage entries}, and {@link app.wauploader.core.chat.ChatExport}
 * answers who sent what, when, and which media files the messages name.
 *
 * <p>Decisions a reader should know:
 *
 * <ul>
 *   <li>One day/month order per file, proved by any date with a field above 12; only a file whose
 *       every date is ambiguous falls back to the device locale, with a warning.
 *   <li>System lines have no sender, also when iOS writes them after the group's name with a U+200E
 *       mark ("Group: ‎You created this group"); deleted and edited placeholders and media are
 *       messages of their sender. whatsapp-chat-parser-go's oracles count entries this way.
 *   <li>A line that starts no entry continues the one before; nothing in the text aborts a parse.
 *   <li>Times are local times of the exporting device, as written; exports carry no zone.
 * </ul>
 *
 * <p>Format facts come from the exports in the shared corpus ({@code shared/corpus/SOURCES.md},
 * section "Chat exports") and WhatsApp's own export wording; no parser code was copied.
 */
package app.wauploader.core.chat;
