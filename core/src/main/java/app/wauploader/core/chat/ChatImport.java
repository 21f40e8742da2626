package app.wauploader.core.chat;

import java.nio.file.Path;
import java.util.List;

/**
 * What importing one chat export did.
 *
 * @param export the export file
 * @param chatId the chat's stable id ({@link ChatIds})
 * @param chat the chat's name
 * @param messages messages with a sender in this export
 * @param newMessages of those, how many the database did not know (a re-import adds only these)
 * @param attachments distinct file names the export mentions
 * @param newAttachments of those, how many were new
 * @param insideExport attachments found inside the export itself (a ZIP with media)
 * @param inFolders attachments found in the media folders searched
 * @param missing attachments found nowhere (never an error: an export without media, or media the
 *     phone no longer has)
 * @param foldersSearched true if media folders were searched (given, or WhatsApp's standard ones)
 * @param warnings the parser's one-line notes (e.g. day/month order guessed from the locale)
 */
public record ChatImport(
    Path export,
    String chatId,
    String chat,
    ExportFormat format,
    int messages,
    long newMessages,
    int attachments,
    long newAttachments,
    int insideExport,
    int inFolders,
    int missing,
    boolean foldersSearched,
    List<String> warnings) {}
