package app.wauploader.db;

import app.wauploader.domain.Service;

/**
 * Uploaded content of a chat that is not yet filed in that chat's album or folder.
 *
 * @param sha256 the content
 * @param service where it is
 * @param remoteId its Drive file id or Photos media item id
 * @param fileName the name it was uploaded with
 * @param mimeType its content type
 */
public record ChatPlacement(
    String sha256,
    String chatId,
    String chatName,
    Service service,
    String remoteId,
    String fileName,
    String mimeType) {}
