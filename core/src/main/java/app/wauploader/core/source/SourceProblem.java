package app.wauploader.core.source;

/**
 * A part of a source that could not be read while listing it.
 *
 * @param where the path or archive entry, as shown to a user
 * @param reason one line ("permission denied", "unsafe entry name", …)
 */
public record SourceProblem(String where, String reason) {}
