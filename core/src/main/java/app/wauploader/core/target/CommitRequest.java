package app.wauploader.core.target;

/**
 * A finished transfer to make into a remote item.
 *
 * @param key the caller's identifier, echoed in the {@link CommitResult}
 * @param receipt from {@link TransferState.Complete#receipt()}
 */
public record CommitRequest(
    long key, String receipt, String container, String remoteName, String sha256) {}
