package app.wauploader.db;

/**
 * How far the backup of one chat's media is.
 *
 * @param backedUp contents of the chat safely in Google
 * @param bytes their size, bytes
 * @param waiting contents of the chat whose upload is open (pending, retrying, paused, uploading)
 * @param failed contents whose last upload failed
 * @param placed contents filed in the chat's own album or folder
 */
public record ChatProgress(
    ChatRow chat, long backedUp, long bytes, long waiting, long failed, long placed) {}
