package app.wauploader.core.target;

/**
 * An item this app already stored, to file in one more container (a second chat's album or folder)
 * without sending its bytes again.
 *
 * @param key the caller's identifier, echoed in the {@link CommitResult}
 * @param remoteId the stored item: Photos media item id, Drive file id
 * @param remoteName the name the entry gets (Drive shortcut name)
 * @param sha256 the content, 64 lowercase hex characters (Drive labels the shortcut with it, so a
 *     shortcut made before a crash is found instead of made twice)
 */
public record LinkRequest(long key, String remoteId, String remoteName, String sha256) {}
